import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  escapeLike,
  isUniqueViolation,
  pageFrom,
  preparedQuery,
  queryRows,
  type Tx,
  type Vehicle,
} from '@garage/shared';
import { z } from 'zod';
import { DataSource } from 'typeorm';

interface VehicleRow {
  id: string;
  customer_id: string;
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: number;
  mileage: number | null;
  created_at: Date;
}

export type VehicleFields = Omit<Vehicle, 'id' | 'createdAt' | 'mileage'> & { mileage?: number | null };
export type VehicleChange = Partial<Pick<Vehicle, 'plate' | 'make' | 'model' | 'year'>> & { mileage?: number };
type Page = { items: Vehicle[]; nextCursor: string | null };

const COLUMNS = 'id, customer_id, vin, plate, make, model, year, mileage, created_at';
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

/** Vehicles in Postgres; newest first in every list, each filter with its index. */
@Injectable()
export class VehiclesRepository {
  constructor(private readonly db: DataSource) {}

  async findById(id: string): Promise<Vehicle | null> {
    const rows = await preparedQuery<VehicleRow>(
      this.db,
      'bookings.vehicles.by-id',
      `SELECT ${COLUMNS} FROM bookings.vehicles WHERE id = $1`,
      [id],
    );
    return rows[0] ? toVehicle(rows[0]) : null;
  }

  /** Inserts a vehicle; null when its VIN is already registered. */
  async insert(v: VehicleFields): Promise<Vehicle | null> {
    const rows = await queryRows<VehicleRow>(
      this.db,
      `INSERT INTO bookings.vehicles (customer_id, vin, plate, make, model, year, mileage)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (vin) DO NOTHING RETURNING ${COLUMNS}`,
      [v.customerId, v.vin, v.plate, v.make, v.model, v.year, v.mileage ?? null],
    );
    return rows[0] ? toVehicle(rows[0]) : null;
  }

  /** Applies the given fields only (COALESCE keeps the others); null when there is no such vehicle. */
  async update(id: string, c: VehicleChange): Promise<Vehicle | null> {
    try {
      const rows = await queryRows<VehicleRow>(
        this.db,
        `UPDATE bookings.vehicles SET plate = coalesce($2, plate), make = coalesce($3, make),
           model = coalesce($4, model), year = coalesce($5, year), mileage = coalesce($6, mileage), updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, c.plate ?? null, c.make ?? null, c.model ?? null, c.year ?? null, c.mileage ?? null],
      );
      return rows[0] ? toVehicle(rows[0]) : null;
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
    const params: unknown[] = [q.limit + 1];
    const where: string[] = [];
    if (q.customerId) {
      params.push(q.customerId);
      where.push(`customer_id = $${params.length}`);
    }
    if (q.ids) {
      params.push(q.ids);
      where.push(`id = ANY($${params.length}::uuid[])`);
    }
    if (q.prefix) {
      params.push(`${escapeLike(q.prefix.toUpperCase())}%`);
      where.push(`(vin LIKE $${params.length} OR plate LIKE $${params.length})`);
    }
    if (after) {
      params.push(after.t, after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await queryRows<VehicleRow>(
      this.db,
      `SELECT ${COLUMNS} FROM bookings.vehicles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
    return pageFrom(rows, q.limit, toVehicle, (r) => ({ t: r.created_at.toISOString(), id: r.id }));
  }
}

function toVehicle(r: VehicleRow): Vehicle {
  return {
    id: r.id,
    customerId: r.customer_id,
    vin: r.vin,
    plate: r.plate,
    make: r.make,
    model: r.model,
    year: r.year,
    mileage: r.mileage,
    createdAt: r.created_at.toISOString(),
  };
}
