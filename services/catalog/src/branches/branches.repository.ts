import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  pageFrom,
  Sql,
  SqlParams,
  whereAll,
  type Branch,
  type OpeningHours,
  type Queryable,
  type Tx,
} from '@garage/shared';
import { z } from 'zod';
import { CatalogSettings } from '../catalog-settings.js';

interface BranchRow {
  id: string;
  name: string;
  address: string;
  timezone: string;
  opening_hours: OpeningHours;
  bays: number;
  labor_rate_cents: number;
  tax_rate_percent: string;
  booking_horizon_days: number;
  active: boolean;
}

export type BranchFields = Omit<Branch, 'id' | 'currency'>;

const COLUMNS =
  'id, name, address, timezone, opening_hours, bays, labor_rate_cents, tax_rate_percent, booking_horizon_days, active';
const Cursor = z.object({ n: z.string(), id: z.uuid() });

/** Branches in Postgres (plain SQL rows; numeric tax rates come back as strings and are converted here). */
@Injectable()
export class BranchesRepository {
  constructor(
    private readonly sql: Sql,
    private readonly settings: CatalogSettings,
  ) {}

  async findById(id: string): Promise<Branch | null> {
    const row = await this.sql.one<BranchRow>(`SELECT ${COLUMNS} FROM catalog.branches WHERE id = $1`, [id], {
      name: 'catalog.branches.by-id',
    });
    return row ? this.toBranch(row) : null;
  }

  /** The branch, locked until the transaction ends (an update reads what it changes). */
  async lockById(tx: Tx, id: string): Promise<Branch | null> {
    const row = await tx.one<BranchRow>(`SELECT ${COLUMNS} FROM catalog.branches WHERE id = $1 FOR UPDATE`, [id]);
    return row ? this.toBranch(row) : null;
  }

  /** A page of branches ordered by name; inactive ones only when asked. */
  async list(
    limit: number,
    cursor: string | undefined,
    includeInactive: boolean,
  ): Promise<{ items: Branch[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, Cursor);
    const p = new SqlParams();
    const limitParam = p.add(limit + 1);
    const where = whereAll([
      !includeInactive && 'active',
      after && `(lower(name), id) > (${p.add(after.n)}, ${p.add(after.id)})`,
    ]);
    const rows = await this.sql.rows<BranchRow>(
      `SELECT ${COLUMNS} FROM catalog.branches ${where} ORDER BY lower(name), id LIMIT ${limitParam}`,
      p.values,
    );
    return pageFrom(
      rows,
      limit,
      (r) => this.toBranch(r),
      (r) => ({ n: r.name.toLowerCase(), id: r.id }),
    );
  }

  /** Inserts a branch; null when the name is taken (case-insensitively). */
  async insert(b: BranchFields, on: Queryable = this.sql): Promise<Branch | null> {
    const row = await on.one<BranchRow>(
      `INSERT INTO catalog.branches (name, address, timezone, opening_hours, bays, labor_rate_cents, tax_rate_percent,
         active, booking_horizon_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ((lower(name))) DO NOTHING RETURNING ${COLUMNS}`,
      valuesOf(b),
    );
    return row ? this.toBranch(row) : null;
  }

  /** Writes every field of the branch (the service merges a partial change into the current row first). */
  async update(id: string, b: BranchFields, on: Queryable = this.sql): Promise<Branch | null> {
    const row = await on.one<BranchRow>(
      `UPDATE catalog.branches SET name = $2, address = $3, timezone = $4, opening_hours = $5, bays = $6,
         labor_rate_cents = $7, tax_rate_percent = $8, active = $9, booking_horizon_days = $10, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...valuesOf(b)],
    );
    return row ? this.toBranch(row) : null;
  }

  private toBranch(r: BranchRow): Branch {
    return {
      id: r.id,
      name: r.name,
      address: r.address,
      timezone: r.timezone,
      openingHours: r.opening_hours,
      bays: r.bays,
      laborRateCents: r.labor_rate_cents,
      taxRatePercent: Number(r.tax_rate_percent),
      bookingHorizonDays: r.booking_horizon_days,
      active: r.active,
      currency: this.settings.currency,
    };
  }
}

/** Column values in the order of INSERT's columns and UPDATE's $2.. placeholders. */
function valuesOf(b: BranchFields): unknown[] {
  return [
    b.name,
    b.address,
    b.timezone,
    JSON.stringify(b.openingHours),
    b.bays,
    b.laborRateCents,
    b.taxRatePercent,
    b.active,
    b.bookingHorizonDays,
  ];
}
