import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  escapeLike,
  isUniqueViolation,
  pageFrom,
  type Tx,
  type Vehicle,
  type VehicleStatus,
  Sql,
  SqlParams,
  whereAll,
} from '@garage/shared';
import { z } from 'zod';

/** A bookings.vehicles row as pg returns it. */
export interface VehicleRow {
  id: string;
  customer_id: string;
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  mileage: number | null;
  status: VehicleStatus;
  created_at: Date;
}

export type VehicleFields = Omit<Vehicle, 'id' | 'createdAt' | 'mileage' | 'status'> & { mileage?: number | null };
export type VehicleChange = Partial<Pick<Vehicle, 'plate' | 'make' | 'model' | 'year'>> & { mileage?: number };
type Page = { items: Vehicle[]; nextCursor: string | null };

export const VEHICLE_COLUMNS = 'id, customer_id, vin, plate, make, model, year, mileage, status, created_at';
const COLUMNS = VEHICLE_COLUMNS;
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

/** Vehicles in Postgres; newest first in every list, each filter with its index. */
@Injectable()
export class VehiclesRepository {
  constructor(private readonly sql: Sql) {}

  async findById(id: string): Promise<Vehicle | null> {
    const row = await this.sql.one<VehicleRow>(`SELECT ${COLUMNS} FROM bookings.vehicles WHERE id = $1`, [id], {
      name: 'bookings.vehicles.by-id',
    });
    return row ? toVehicle(row) : null;
  }

  /** Registers an active vehicle; null when its VIN is already registered (or the customer has it). */
  async insert(v: VehicleFields): Promise<Vehicle | null> {
    const row = await this.sql.one<VehicleRow>(
      `INSERT INTO bookings.vehicles (customer_id, vin, plate, make, model, year, mileage)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [v.customerId, v.vin, v.plate, v.make, v.model, v.year, v.mileage ?? null],
    );
    return row ? toVehicle(row) : null;
  }

  /**
   * A customer's own car, in one statement whichever way it goes: active when no one has the VIN, a
   * claim (claim_pending) when another customer's active car has it. Null when the customer already
   * has the VIN, or when a racing insert made it active in between (then a second try claims).
   */
  async insertOwn(v: VehicleFields): Promise<Vehicle | null> {
    const row = await this.sql.one<VehicleRow>(
      `INSERT INTO bookings.vehicles (customer_id, vin, plate, make, model, year, mileage, status)
       SELECT $1, $2, $3, $4, $5, $6, $7,
         CASE WHEN EXISTS (SELECT 1 FROM bookings.vehicles WHERE vin = $2 AND status = 'active')
           THEN 'claim_pending' ELSE 'active' END
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [v.customerId, v.vin, v.plate, v.make, v.model, v.year, v.mileage ?? null],
    );
    return row ? toVehicle(row) : null;
  }

  /** Whether the customer already has a vehicle (or a claim) with this VIN. */
  async hasVin(customerId: string, vin: string): Promise<boolean> {
    const row = await this.sql.one(`SELECT 1 FROM bookings.vehicles WHERE customer_id = $1 AND vin = $2`, [
      customerId,
      vin,
    ]);
    return row !== null;
  }

  /** Applies the given fields only (COALESCE keeps the others); null when there is no such vehicle. */
  async update(id: string, c: VehicleChange): Promise<Vehicle | null> {
    try {
      const row = await this.sql.one<VehicleRow>(
        `UPDATE bookings.vehicles SET plate = coalesce($2, plate), make = coalesce($3, make),
           model = coalesce($4, model), year = coalesce($5, year), mileage = coalesce($6, mileage), updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, c.plate ?? null, c.make ?? null, c.model ?? null, c.year ?? null, c.mileage ?? null],
      );
      return row ? toVehicle(row) : null;
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /** Records a completed job's odometer reading: sets an unknown one, raises a known one, never lowers it. */
  async raiseMileage(tx: Tx, id: string, mileage: number): Promise<void> {
    await tx.rows(
      `UPDATE bookings.vehicles SET mileage = $2, updated_at = now() WHERE id = $1 AND (mileage IS NULL OR mileage < $2) RETURNING id`,
      [id, mileage],
    );
  }

  /** A page of vehicles, newest first: of one customer, or matching a VIN or plate prefix. */
  async list(q: {
    customerId?: string;
    prefix?: string;
    ids?: string[];
    limit: number;
    cursor?: string;
  }): Promise<Page> {
    const after = decodeCursorOrThrow(q.cursor, Cursor);
    const p = new SqlParams();
    const limit = p.add(q.limit + 1);
    const prefix = q.prefix ? p.add(`${escapeLike(q.prefix.toUpperCase())}%`) : null;
    const where = whereAll([
      q.customerId && `customer_id = ${p.add(q.customerId)}`,
      q.ids && `id = ANY(${p.add(q.ids)}::uuid[])`,
      prefix && `(vin LIKE ${prefix} OR plate LIKE ${prefix})`,
      after && `(created_at, id) < (${p.add(after.t)}::timestamptz, ${p.add(after.id)}::uuid)`,
    ]);
    const rows = await this.sql.rows<VehicleRow>(
      `SELECT ${COLUMNS} FROM bookings.vehicles ${where} ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
      p.values,
    );
    return pageFrom(rows, q.limit, toVehicle, (r) => ({ t: r.created_at.toISOString(), id: r.id }));
  }
}

export function toVehicle(r: VehicleRow): Vehicle {
  return {
    id: r.id,
    customerId: r.customer_id,
    vin: r.vin,
    plate: r.plate,
    make: r.make,
    model: r.model,
    year: r.year,
    mileage: r.mileage,
    status: r.status,
    createdAt: r.created_at.toISOString(),
  };
}
