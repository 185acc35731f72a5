import { Injectable } from '@nestjs/common';
import { DomainError, catalog, type Principal, RpcClient, Sql } from '@garage/shared';

/** Enough to remember every branch of a large chain, small enough that garbage ids cannot grow it forever. */
const MAX_REMEMBERED = 10_000;

/**
 * Knows which branch ids are real. Inventory does not own branches: a branch that already has
 * stock rows is real; any other one is confirmed once by the catalog service (its owner), then
 * remembered in this process so the catalog is asked at most once per branch.
 */
@Injectable()
export class BranchDirectory {
  private readonly known = new Set<string>();

  constructor(
    private readonly sql: Sql,
    private readonly rpc: RpcClient,
  ) {}

  /** NOT_FOUND for a branch the chain does not have; SERVICE_UNAVAILABLE if the catalog cannot say. */
  async confirm(principal: Principal | null, branchId: string): Promise<void> {
    if (this.known.has(branchId)) return;
    if (!(await this.hasStock(branchId))) await this.askCatalog(principal, branchId);
    if (this.known.size < MAX_REMEMBERED) this.known.add(branchId);
  }

  private async hasStock(branchId: string): Promise<boolean> {
    const rows = await this.sql.rows<{ found: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM inventory.stock WHERE branch_id = $1) AS found',
      [branchId],
      { name: 'inventory.stock.branch-has-stock' },
    );
    return rows[0]?.found === true;
  }

  private async askCatalog(principal: Principal | null, branchId: string): Promise<void> {
    try {
      await this.rpc.request(catalog.getBranch, { principal, payload: { id: branchId } });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') throw new DomainError('NOT_FOUND', 'No such branch');
      throw err;
    }
  }
}
