import { Injectable } from '@nestjs/common';
import { decodeCursorOrThrow, pageFrom, preparedQuery, queryRows, type Technician } from '@garage/shared';
import { z } from 'zod';
import { DataSource } from 'typeorm';

interface TechnicianRow {
  id: string;
  name: string;
  branch_id: string;
  skills: string[];
  active: boolean;
}

export type TechnicianFields = Omit<Technician, 'id'>;
type Page = { items: Technician[]; nextCursor: string | null };

const COLUMNS = 'id, name, branch_id, skills, active';
const Cursor = z.object({ n: z.string(), id: z.uuid() });

/** Technicians in Postgres, listed by name. */
@Injectable()
export class TechniciansRepository {
  constructor(private readonly db: DataSource) {}

  async findById(id: string): Promise<Technician | null> {
    const rows = await preparedQuery<TechnicianRow>(
      this.db,
      'bookings.technicians.by-id',
      `SELECT ${COLUMNS} FROM bookings.technicians WHERE id = $1`,
      [id],
    );
    return rows[0] ? toTechnician(rows[0]) : null;
  }

  /** The active technicians of a branch, by name (availability's hot path). */
  async activeAt(branchId: string): Promise<Technician[]> {
    const rows = await preparedQuery<TechnicianRow>(
      this.db,
      'bookings.technicians.active-at',
      `SELECT ${COLUMNS} FROM bookings.technicians WHERE branch_id = $1 AND active ORDER BY lower(name), id`,
      [branchId],
    );
    return rows.map(toTechnician);
  }

  async insert(t: TechnicianFields): Promise<Technician> {
    const rows = await queryRows<TechnicianRow>(
      this.db,
      `INSERT INTO bookings.technicians (name, branch_id, skills, active) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [t.name, t.branchId, t.skills, t.active],
    );
    return toTechnician(rows[0]);
  }

  async update(id: string, c: Partial<TechnicianFields>): Promise<Technician | null> {
    const rows = await queryRows<TechnicianRow>(
      this.db,
      `UPDATE bookings.technicians SET name = coalesce($2, name), branch_id = coalesce($3, branch_id),
         skills = coalesce($4, skills), active = coalesce($5, active), updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, c.name ?? null, c.branchId ?? null, c.skills ?? null, c.active ?? null],
    );
    return rows[0] ? toTechnician(rows[0]) : null;
  }

  /** A page by name, of some branches (null: all), active ones unless asked otherwise. */
  async list(q: {
    branchIds: string[] | null;
    includeInactive: boolean;
    limit: number;
    cursor?: string;
  }): Promise<Page> {
    const after = decodeCursorOrThrow(q.cursor, Cursor);
    const params: unknown[] = [q.limit + 1];
    const where: string[] = [];
    if (q.branchIds) {
      params.push(q.branchIds);
      where.push(`branch_id = ANY($${params.length}::uuid[])`);
    }
    if (!q.includeInactive) where.push('active');
    if (after) {
      params.push(after.n, after.id);
      where.push(`(lower(name), id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    const rows = await queryRows<TechnicianRow>(
      this.db,
      `SELECT ${COLUMNS} FROM bookings.technicians ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY lower(name), id LIMIT $1`,
      params,
    );
    return pageFrom(rows, q.limit, toTechnician, (r) => ({ n: r.name.toLowerCase(), id: r.id }));
  }
}

function toTechnician(r: TechnicianRow): Technician {
  return { id: r.id, name: r.name, branchId: r.branch_id, skills: r.skills, active: r.active };
}
