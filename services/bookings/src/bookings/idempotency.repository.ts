import { Injectable } from '@nestjs/common';
import { type Tx, Sql } from '@garage/shared';
import type { Principal } from '@garage/shared';

/** How long an Idempotency-Key answers with its first booking (API.md). */
const KEY_LIFETIME = `interval '24 hours'`;

export interface RememberedKey {
  requestHash: string;
  bookingId: string;
}

/** Idempotency-Keys per principal: claimed in the booking's own transaction, so a key and its booking commit together. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly sql: Sql) {}

  /** The booking a live key already made, if any. */
  async find(principal: Principal, key: string): Promise<RememberedKey | null> {
    const rows = await this.sql.rows<{ request_hash: string; booking_id: string }>(
      `SELECT request_hash, booking_id FROM bookings.idempotency_keys
       WHERE principal_kind = $1 AND principal_id = $2 AND key = $3 AND created_at > now() - ${KEY_LIFETIME}`,
      [principal.kind, principal.id, key],
    );
    return rows[0] ? { requestHash: rows[0].request_hash, bookingId: rows[0].booking_id } : null;
  }

  /**
   * Claims the key for a booking about to be inserted; false when another request holds it. A
   * concurrent claim of the same key waits here until the first transaction ends, then loses.
   */
  async claim(tx: Tx, principal: Principal, key: string, requestHash: string, bookingId: string): Promise<boolean> {
    // An expired key is free again.
    await tx.rows(
      `DELETE FROM bookings.idempotency_keys
       WHERE principal_kind = $1 AND principal_id = $2 AND key = $3 AND created_at <= now() - ${KEY_LIFETIME}
       RETURNING key`,
      [principal.kind, principal.id, key],
    );
    const rows = await tx.rows<{ key: string }>(
      `INSERT INTO bookings.idempotency_keys (principal_kind, principal_id, key, request_hash, booking_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
      [principal.kind, principal.id, key, requestHash, bookingId],
    );
    return rows.length > 0;
  }

  /** Deletes keys past their lifetime, a bounded batch at a time; returns how many. */
  async purgeExpired(tx: Tx): Promise<number> {
    const rows = await tx.rows<{ key: string }>(
      `DELETE FROM bookings.idempotency_keys WHERE ctid IN (
         SELECT ctid FROM bookings.idempotency_keys WHERE created_at <= now() - ${KEY_LIFETIME} LIMIT 10000)
       RETURNING key`,
    );
    return rows.length;
  }
}
