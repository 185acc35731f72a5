import { Injectable } from '@nestjs/common';
import { decodeCursorOrThrow, pageFrom, Sql, SqlParams, whereAll, type Tx, type VehicleClaim } from '@garage/shared';
import { z } from 'zod';
import { VEHICLE_COLUMNS, toVehicle, type VehicleRow } from './vehicles.repository.js';

const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });
const REGISTERED = VEHICLE_COLUMNS.split(', ')
  .map((c) => `r.${c} AS r_${c}`)
  .join(', ');
const CLAIM = VEHICLE_COLUMNS.split(', ')
  .map((c) => `c.${c}`)
  .join(', ');

type ClaimRow = VehicleRow & { [K in keyof VehicleRow as `r_${K}`]: VehicleRow[K] | null };

export interface ClaimDecision {
  claimId: string;
  vin: string;
  claimantId: string;
  decision: 'approved' | 'rejected';
  vehicleId: string | null;
  previousOwnerId: string | null;
  decidedBy: string;
}

/** Claims on a VIN (vehicle rows of status claim_pending) and what staff decide about them. */
@Injectable()
export class VehicleClaimsRepository {
  constructor(private readonly sql: Sql) {}

  /** A page of pending claims, oldest first, each beside the active car with its VIN (one query). */
  async listPending(limit: number, cursor?: string): Promise<{ items: VehicleClaim[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, Cursor);
    const p = new SqlParams();
    const limitParam = p.add(limit + 1);
    const where = whereAll([
      `c.status = 'claim_pending'`,
      after && `(c.created_at, c.id) > (${p.add(after.t)}::timestamptz, ${p.add(after.id)}::uuid)`,
    ]);
    const rows = await this.sql.rows<ClaimRow>(
      `SELECT ${CLAIM}, ${REGISTERED} FROM bookings.vehicles c
       LEFT JOIN bookings.vehicles r ON r.vin = c.vin AND r.status = 'active'
       ${where} ORDER BY c.created_at, c.id LIMIT ${limitParam}`,
      p.values,
    );
    return pageFrom(rows, limit, toClaim, (r) => ({ t: r.created_at.toISOString(), id: r.id }));
  }

  /** Locks a vehicle row for the rest of the transaction (a booking of it waits, too: its foreign key). */
  async lock(tx: Tx, id: string): Promise<VehicleRow | null> {
    return tx.one<VehicleRow>(`SELECT ${VEHICLE_COLUMNS} FROM bookings.vehicles WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Locks the active car with a VIN, if there is one. */
  async lockActive(tx: Tx, vin: string): Promise<VehicleRow | null> {
    return tx.one<VehicleRow>(
      `SELECT ${VEHICLE_COLUMNS} FROM bookings.vehicles WHERE vin = $1 AND status = 'active' FOR UPDATE`,
      [vin],
    );
  }

  /** Live bookings of a car that have not ended yet. */
  async upcomingBookings(tx: Tx, vehicleId: string): Promise<number> {
    const row = await tx.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM bookings.bookings
       WHERE vehicle_id = $1 AND ends_at > now() AND status IN ('requested', 'confirmed', 'checked_in', 'in_progress')`,
      [vehicleId],
    );
    return row?.n ?? 0;
  }

  /** Gives a car, its bookings and its service records to another customer; the car as it is now. */
  async transfer(tx: Tx, vehicleId: string, toCustomerId: string): Promise<VehicleRow> {
    const moved = await tx.one<VehicleRow>(
      `UPDATE bookings.vehicles SET customer_id = $2, updated_at = now() WHERE id = $1 RETURNING ${VEHICLE_COLUMNS}`,
      [vehicleId, toCustomerId],
    );
    await tx.rows(
      `UPDATE bookings.bookings SET customer_id = $2, updated_at = now() WHERE vehicle_id = $1 RETURNING id`,
      [vehicleId, toCustomerId],
    );
    await tx.rows(`UPDATE bookings.service_records SET customer_id = $2 WHERE vehicle_id = $1 RETURNING id`, [
      vehicleId,
      toCustomerId,
    ]);
    return moved!;
  }

  async remove(tx: Tx, id: string): Promise<void> {
    await tx.rows(`DELETE FROM bookings.vehicles WHERE id = $1 RETURNING id`, [id]);
  }

  async setStatus(tx: Tx, id: string, status: VehicleRow['status']): Promise<VehicleRow> {
    const row = await tx.one<VehicleRow>(
      `UPDATE bookings.vehicles SET status = $2, updated_at = now() WHERE id = $1 RETURNING ${VEHICLE_COLUMNS}`,
      [id, status],
    );
    return row!;
  }

  async record(tx: Tx, d: ClaimDecision): Promise<void> {
    await tx.rows(
      `INSERT INTO bookings.vehicle_claim_decisions
         (claim_id, vin, claimant_id, decision, vehicle_id, previous_owner_id, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [d.claimId, d.vin, d.claimantId, d.decision, d.vehicleId, d.previousOwnerId, d.decidedBy],
    );
  }

  /** Whether a claim was already decided (an approved one is gone from the vehicles). */
  async decided(claimId: string): Promise<boolean> {
    return (
      (await this.sql.one(`SELECT 1 FROM bookings.vehicle_claim_decisions WHERE claim_id = $1`, [claimId])) !== null
    );
  }
}

function toClaim(r: ClaimRow): VehicleClaim {
  const registered: VehicleRow | null = r.r_id
    ? {
        id: r.r_id,
        customer_id: r.r_customer_id!,
        vin: r.r_vin!,
        plate: r.r_plate!,
        make: r.r_make!,
        model: r.r_model!,
        year: r.r_year!,
        mileage: r.r_mileage,
        status: r.r_status!,
        created_at: r.r_created_at!,
      }
    : null;
  return { claim: toVehicle(r), registered: registered && toVehicle(registered) };
}
