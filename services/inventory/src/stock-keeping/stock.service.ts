import { Injectable } from '@nestjs/common';
import {
  DomainError,
  appendEvent,
  auditRecord,
  type Principal,
  type StockLevel,
  type StockMovement,
  Transactions,
  Tx,
} from '@garage/shared';
import { PartsRepository } from '../parts/parts.repository.js';
import { WaitingBookings } from '../reservations/waiting-bookings.service.js';
import { actorOf, assertMayChangeStockAt } from '../stock/actor.js';
import { BranchDirectory } from '../stock/branch-directory.js';
import { MovementsRepository } from '../stock/movements.repository.js';
import { StockListRepository, type BranchScope } from '../stock/stock-list.repository.js';
import { StockRepository } from '../stock/stock.repository.js';

export interface AdjustStock {
  id: string;
  branchId: string;
  delta: number;
  reason: string;
  kind: 'receive' | 'adjust';
}

export interface TransferStock {
  id: string;
  fromBranchId: string;
  toBranchId: string;
  quantity: number;
  reason: string;
}

export interface ListStock {
  branchId?: string;
  lowStock: boolean;
  q?: string;
  limit: number;
  cursor?: string;
}

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Stock per branch: staff read every branch but change only their own, admins change any. Each
 * change and its ledger rows commit together, so a branch's ledger always sums to its stock.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly stock: StockRepository,
    private readonly lists: StockListRepository,
    private readonly movements: MovementsRepository,
    private readonly branches: BranchDirectory,
    private readonly parts: PartsRepository,
    private readonly transactions: Transactions,
    private readonly waiting: WaitingBookings,
  ) {}

  /** Without ?branchId=: staff see their own branches, admins every branch that has stock. */
  list(principal: Principal, query: ListStock): Promise<Page<StockLevel>> {
    let scope: BranchScope = 'every-stocked-branch';
    if (query.branchId) scope = { branchIds: [query.branchId] };
    else if (principal.role !== 'admin') scope = { branchIds: principal.branchIds };
    return this.lists.list({ ...query, scope });
  }

  async byPart(partId: string) {
    const found = await this.stock.byPart(partId);
    if (!found) throw new DomainError('NOT_FOUND', 'No such part');
    return found;
  }

  /** A part's ledger page; an empty page is the moment to tell an unknown part from a quiet one. */
  async movementsOf(
    partId: string,
    branchId: string | undefined,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<StockMovement>> {
    const page = await this.movements.page(partId, branchId, limit, cursor);
    if (!page.items.length && !(await this.parts.findById(partId))) throw new DomainError('NOT_FOUND', 'No such part');
    return page;
  }

  async adjust(principal: Principal, cmd: AdjustStock): Promise<StockLevel> {
    if (cmd.kind === 'receive' && cmd.delta <= 0) {
      throw new DomainError('VALIDATION_FAILED', 'A delivery (receive) adds stock: delta must be positive', [
        { field: 'delta', message: 'must be positive for receive' },
      ]);
    }
    assertMayChangeStockAt(principal, cmd.branchId);
    await this.branches.confirm(principal, cmd.branchId);
    const changed = await this.transactions.run(async (tx) => {
      const level =
        cmd.delta > 0
          ? await this.stock.add(tx, cmd.id, cmd.branchId, cmd.delta)
          : await this.stock.take(tx, cmd.id, cmd.branchId, -cmd.delta);
      if (!level) throw await this.refusal(tx, cmd.id, cmd.branchId, 'The stock cannot go below what is reserved');
      const [seq] = await this.movements.append(tx, [
        { ...this.movementOf(principal, cmd.id, cmd.reason), branchId: cmd.branchId, kind: cmd.kind, delta: cmd.delta },
      ]);
      await appendEvent(
        tx,
        'audit.inventory',
        auditRecord({
          action: 'inventory.stock.adjusted',
          subject: { type: 'part', id: cmd.id },
          branchId: cmd.branchId,
          before: { onHand: level.onHand - cmd.delta },
          after: { onHand: level.onHand, delta: cmd.delta, kind: cmd.kind, reason: cmd.reason, ledgerSeq: seq },
        }),
      );
      return level;
    });
    // Stock that came in may be what waiting bookings need; the answer shows the level the change left.
    if (cmd.delta > 0) await this.waiting.afterArrival(cmd.branchId, [changed.sku]);
    return changed;
  }

  /**
   * Both sides in one transaction. Deadlocks: each side is one statement locking one stock row,
   * and the sides run in branch id order, so concurrent A→B and B→A lock (A, part) before (B, part)
   * alike and queue instead of deadlocking (reservations lock in part order within one branch, which
   * keeps every transaction in the same global (branch, part) order). No retry is needed or hidden.
   */
  async transfer(principal: Principal, cmd: TransferStock): Promise<{ from: StockLevel; to: StockLevel }> {
    // Two different branches: the contract's schema refuses the same one (ids arrive lower-cased).
    assertMayChangeStockAt(principal, cmd.fromBranchId);
    await this.branches.confirm(principal, cmd.fromBranchId);
    await this.branches.confirm(principal, cmd.toBranchId);
    const sides = [cmd.fromBranchId, cmd.toBranchId].sort();
    const changed = await this.transactions.run(async (tx) => {
      const levels = new Map<string, StockLevel>();
      for (const branchId of sides) {
        const level =
          branchId === cmd.fromBranchId
            ? await this.stock.take(tx, cmd.id, branchId, cmd.quantity)
            : await this.stock.add(tx, cmd.id, branchId, cmd.quantity);
        if (!level) throw await this.refusal(tx, cmd.id, cmd.fromBranchId, 'Not enough stock at the source branch');
        levels.set(branchId, level);
      }
      const movement = this.movementOf(principal, cmd.id, cmd.reason);
      const seqs = await this.movements.append(tx, [
        { ...movement, branchId: cmd.fromBranchId, kind: 'transfer-out', delta: -cmd.quantity },
        { ...movement, branchId: cmd.toBranchId, kind: 'transfer-in', delta: cmd.quantity },
      ]);
      const from = levels.get(cmd.fromBranchId)!;
      const to = levels.get(cmd.toBranchId)!;
      await appendEvent(
        tx,
        'audit.inventory',
        auditRecord({
          action: 'inventory.stock.transferred',
          subject: { type: 'part', id: cmd.id },
          branchId: cmd.fromBranchId,
          before: { fromOnHand: from.onHand + cmd.quantity, toOnHand: to.onHand - cmd.quantity },
          after: {
            fromOnHand: from.onHand,
            toOnHand: to.onHand,
            toBranchId: cmd.toBranchId,
            quantity: cmd.quantity,
            reason: cmd.reason,
            ledgerSeqs: seqs,
          },
        }),
      );
      return { from, to };
    });
    await this.waiting.afterArrival(cmd.toBranchId, [changed.to.sku]);
    return changed;
  }

  /** Why a conditional change changed nothing: no such part (404), or not enough stock (409). */
  private async refusal(tx: Tx, partId: string, branchId: string, message: string): Promise<DomainError> {
    const available = await this.stock.availableAt(tx, partId, branchId);
    if (available === null) return new DomainError('NOT_FOUND', 'No such part');
    return new DomainError('CONFLICT', `${message}: ${available} available`);
  }

  private movementOf(principal: Principal, partId: string, reason: string) {
    return { partId, reason, reservedDelta: 0, bookingId: null, actor: actorOf(principal) };
  }
}
