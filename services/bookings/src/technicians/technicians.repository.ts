import { Injectable } from '@nestjs/common';
import { decodeCursorOrThrow, pageFrom, type Technician, Sql, SqlParams, whereAll } from '@garage/shared';
import { z } from 'zod';

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
  constructor(private readonly sql: Sql) {}

  async findById(id: string): Promise<Technician | null> {
    const row = await this.sql.one<TechnicianRow>(`SELECT ${COLUMNS} FROM bookings.technicians WHERE id = $1`, [id], {
      name: 'bookings.technicians.by-id',
    });
    return row ? toTechnician(row) : null;
  }

  /** The active technicians of a branch, by name (availability's hot path). */
  async activeAt(branchId: string): Promise<Technician[]> {
    const rows = await this.sql.rows<TechnicianRow>(
      `SELECT ${COLUMNS} FROM bookings.technicians WHERE branch_id = $1 AND active ORDER BY lower(name), id`,
      [branchId],
      { name: 'bookings.technicians.active-at' },
    );
    return rows.map(toTechnician);
  }

  async insert(t: TechnicianFields): Promise<Technician> {
    const rows = await this.sql.rows<TechnicianRow>(
      `INSERT INTO bookings.technicians (name, branch_id, skills, active) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [t.name, t.branchId, t.skills, t.active],
    );
    return toTechnician(rows[0]);
  }

  async update(id: string, c: Partial<TechnicianFields>): Promise<Technician | null> {
    const row = await this.sql.one<TechnicianRow>(
      `UPDATE bookings.technicians SET name = coalesce($2, name), branch_id = coalesce($3, branch_id),
         skills = coalesce($4, skills), active = coalesce($5, active), updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, c.name ?? null, c.branchId ?? null, c.skills ?? null, c.active ?? null],
    );
    return row ? toTechnician(row) : null;
  }

  /** A page by name, of some branches (null: all), active ones unless asked otherwise. */
  async list(q: {
    branchIds: string[] | null;
    includeInactive: boolean;
    limit: number;
    cursor?: string;
  }): Promise<Page> {
    const after = decodeCursorOrThrow(q.cursor, Cursor);
    const p = new SqlParams();
    const limit = p.add(q.limit + 1);
    const where = whereAll([
      q.branchIds && `branch_id = ANY(${p.add(q.branchIds)}::uuid[])`,
      !q.includeInactive && 'active',
      after && `(lower(name), id) > (${p.add(after.n)}, ${p.add(after.id)}::uuid)`,
    ]);
    const rows = await this.sql.rows<TechnicianRow>(
      `SELECT ${COLUMNS} FROM bookings.technicians ${where} ORDER BY lower(name), id LIMIT ${limit}`,
      p.values,
    );
    return pageFrom(rows, q.limit, toTechnician, (r) => ({ n: r.name.toLowerCase(), id: r.id }));
  }
}

function toTechnician(r: TechnicianRow): Technician {
  return { id: r.id, name: r.name, branchId: r.branch_id, skills: r.skills, active: r.active };
}
