import { Injectable } from '@nestjs/common';
import { decodeCursorOrThrow, pageFrom, Sql, SqlParams, whereAll, type StockMovement, type Tx } from '@garage/shared';
import { z } from 'zod';
import type { Actor } from './actor.js';

/** A ledger row about to be written: always in the same transaction as the stock change it records. */
export interface NewMovement {
  partId: string;
  branchId: string;
  kind: StockMovement['kind'];
  /** Change of on_hand. */
  delta: number;
  /** Change of reserved. */
  reservedDelta: number;
  reason: string;
  bookingId: string | null;
  actor: Actor;
}

interface MovementRow {
  id: string;
  seq: string;
  part_id: string;
  branch_id: string;
  kind: StockMovement['kind'];
  delta: number;
  reserved_delta: number;
  reason: string;
  booking_id: string | null;
  actor_kind: Actor['kind'];
  actor_id: string;
  created_at: Date;
}

const Cursor = z.object({ q: z.string().regex(/^\d{1,19}$/) });

/** The append-only stock ledger: rows are added, never changed (a trigger refuses UPDATE and DELETE). */
@Injectable()
export class MovementsRepository {
  constructor(private readonly sql: Sql) {}

  /** Appends ledger rows in one statement. */
  /** Appends ledger entries; returns their sequence numbers, in the order given (the audit log links them). */
  async append(tx: Tx, movements: NewMovement[]): Promise<number[]> {
    if (!movements.length) return [];
    const column = <T>(pick: (m: NewMovement) => T) => movements.map(pick);
    const rows = await tx.rows<{ seq: string }>(
      `INSERT INTO inventory.stock_movements
         (part_id, branch_id, kind, delta, reserved_delta, reason, booking_id, actor_kind, actor_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::text[], $7::uuid[],
         $8::text[], $9::text[])
       RETURNING seq`,
      [
        column((m) => m.partId),
        column((m) => m.branchId),
        column((m) => m.kind),
        column((m) => m.delta),
        column((m) => m.reservedDelta),
        column((m) => m.reason),
        column((m) => m.bookingId),
        column((m) => m.actor.kind),
        column((m) => m.actor.id),
      ],
    );
    return rows.map((r) => Number(r.seq));
  }

  /** A page of a part's ledger, newest first, optionally at one branch (each case has its index). */
  async page(
    partId: string,
    branchId: string | undefined,
    limit: number,
    cursor: string | undefined,
  ): Promise<{ items: StockMovement[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, Cursor);
    const p = new SqlParams();
    const where = whereAll([
      `part_id = ${p.add(partId)}`,
      branchId && `branch_id = ${p.add(branchId)}`,
      after && `seq < ${p.add(after.q)}::bigint`,
    ]);
    const rows = await this.sql.rows<MovementRow>(
      `SELECT id, seq, part_id, branch_id, kind, delta, reserved_delta, reason, booking_id, actor_kind, actor_id,
         created_at
       FROM inventory.stock_movements ${where} ORDER BY seq DESC LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    return pageFrom(rows, limit, toMovement, (r) => ({ q: r.seq }));
  }
}

function toMovement(r: MovementRow): StockMovement {
  return {
    id: r.id,
    partId: r.part_id,
    branchId: r.branch_id,
    kind: r.kind,
    delta: r.delta,
    reservedDelta: r.reserved_delta,
    reason: r.reason,
    bookingId: r.booking_id,
    actor: { kind: r.actor_kind, id: r.actor_id },
    at: r.created_at.toISOString(),
  };
}
