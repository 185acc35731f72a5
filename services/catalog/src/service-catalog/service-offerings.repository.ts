import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  pageFrom,
  Sql,
  SqlParams,
  whereAll,
  type PartLine,
  type Queryable,
  type Tx,
} from '@garage/shared';
import { z } from 'zod';
import type { CachedPartsCost } from '../part-prices/part-prices.service.js';

/** A service offering as the catalog stores it (not a finished job: that is the shared ServiceRecord); labour in hundredths of an hour, so money stays integer. */
export interface StoredOffering {
  id: string;
  code: string;
  name: string;
  description: string;
  category: string;
  durationMinutes: number;
  laborHundredths: number;
  parts: PartLine[];
  active: boolean;
}

/** A service with its parts cost from the price cache, as one statement reads both. */
export type PricedOffering = StoredOffering & CachedPartsCost;

export type ServiceFields = Omit<StoredOffering, 'id'>;

export interface ServiceListQuery {
  limit: number;
  cursor?: string;
  includeInactive: boolean;
  category?: string;
}

interface ServiceRow {
  id: string;
  code: string;
  name: string;
  name_key: string;
  description: string;
  category: string;
  duration_minutes: number;
  labor_hundredths: number;
  parts: PartLine[];
  active: boolean;
}

interface PricedServiceRow extends ServiceRow {
  known_parts_cents: string;
  missing_skus: string[];
}

const COLUMNS = `s.id, s.code, s.name, lower(s.name) AS name_key, s.description, s.category, s.duration_minutes,
  (s.labor_hours * 100)::integer AS labor_hundredths, s.parts, s.active`;

// Each service's parts cost from the cached prices, and the SKUs the cache has no price for yet:
// one statement for a whole page, never a query per service.
const PRICED = `SELECT ${COLUMNS}, p.known_parts_cents, p.missing_skus
  FROM catalog.services s CROSS JOIN LATERAL (
    SELECT coalesce(sum(l.quantity::bigint * pp.unit_price_cents), 0)::bigint AS known_parts_cents,
           coalesce(array_agg(l."partSku") FILTER (WHERE pp.sku IS NULL), '{}') AS missing_skus
    FROM jsonb_to_recordset(s.parts) AS l("partSku" text, quantity integer)
    LEFT JOIN catalog.part_prices pp ON pp.sku = l."partSku"
  ) p`;

const Cursor = z.object({ n: z.string(), id: z.uuid() });

/** The service catalog in Postgres (plain SQL; hot reads as named prepared statements). */
@Injectable()
export class ServiceOfferingsRepository {
  constructor(private readonly sql: Sql) {}

  async findById(id: string): Promise<StoredOffering | null> {
    const row = await this.sql.one<ServiceRow>(`SELECT ${COLUMNS} FROM catalog.services s WHERE s.id = $1`, [id]);
    return row ? toOffering(row) : null;
  }

  /** The service, locked until the transaction ends (an update reads what it changes). */
  async lockById(tx: Tx, id: string): Promise<StoredOffering | null> {
    const row = await tx.one<ServiceRow>(`SELECT ${COLUMNS} FROM catalog.services s WHERE s.id = $1 FOR UPDATE`, [id]);
    return row ? toOffering(row) : null;
  }

  /** The named services (in no particular order) with their cached parts cost; unknown ids are absent. */
  async findPricedByIds(ids: readonly string[]): Promise<PricedOffering[]> {
    const rows = await this.sql.rows<PricedServiceRow>(`${PRICED} WHERE s.id = ANY($1::uuid[])`, [ids], {
      name: 'catalog.services.priced-by-ids',
    });
    return rows.map(toPricedOffering);
  }

  /** A page of services by name, with their cached parts cost; inactive ones only when asked. */
  async listPriced(q: ServiceListQuery): Promise<{ items: PricedOffering[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(q.cursor, Cursor);
    const p = new SqlParams();
    const limit = p.add(q.limit + 1);
    const where = whereAll([
      !q.includeInactive && 's.active',
      q.category !== undefined && `lower(s.category) = lower(${p.add(q.category)})`,
      after && `(lower(s.name), s.id) > (${p.add(after.n)}, ${p.add(after.id)}::uuid)`,
    ]);
    // One prepared statement per shape of the query (at most eight), each able to use its index.
    const shape = `${q.includeInactive ? 'all' : 'active'}${q.category === undefined ? '' : '-category'}${after ? '-after' : ''}`;
    const rows = await this.sql.rows<PricedServiceRow>(
      `${PRICED} ${where} ORDER BY lower(s.name), s.id LIMIT ${limit}`,
      p.values,
      { name: `catalog.services.list.${shape}` },
    );
    return pageFrom(rows, q.limit, toPricedOffering, (r) => ({ n: r.name_key, id: r.id }));
  }

  /** Inserts a service; null when its code is taken. */
  async insert(s: ServiceFields, on: Queryable = this.sql): Promise<string | null> {
    const row = await on.one<{ id: string }>(
      `INSERT INTO catalog.services (code, name, description, category, duration_minutes, labor_hours, parts, active)
       VALUES ($1, $2, $3, $4, $5, $6::numeric / 100, $7, $8)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      valuesOf(s),
    );
    return row?.id ?? null;
  }

  /** Writes every field of the service (the caller merges a partial change into the current one first). */
  async update(id: string, s: ServiceFields, on: Queryable = this.sql): Promise<boolean> {
    const rows = await on.rows<{ id: string }>(
      `UPDATE catalog.services SET code = $2, name = $3, description = $4, category = $5, duration_minutes = $6,
         labor_hours = $7::numeric / 100, parts = $8, active = $9, updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, ...valuesOf(s)],
    );
    return rows.length > 0;
  }
}

/** Column values in the order of INSERT's columns and UPDATE's $2.. placeholders. */
function valuesOf(s: ServiceFields): unknown[] {
  const parts = s.parts.map((l) => ({ partSku: l.partSku, quantity: l.quantity }));
  return [
    s.code,
    s.name,
    s.description,
    s.category,
    s.durationMinutes,
    s.laborHundredths,
    JSON.stringify(parts),
    s.active,
  ];
}

function toOffering(r: ServiceRow): StoredOffering {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    category: r.category,
    durationMinutes: r.duration_minutes,
    laborHundredths: r.labor_hundredths,
    parts: r.parts.map((l) => ({ partSku: l.partSku, quantity: l.quantity })),
    active: r.active,
  };
}

function toPricedOffering(r: PricedServiceRow): PricedOffering {
  // Spelled out rather than spread over toOffering: this runs for every row of the hot list.
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    category: r.category,
    durationMinutes: r.duration_minutes,
    laborHundredths: r.labor_hundredths,
    parts: r.parts.map((l) => ({ partSku: l.partSku, quantity: l.quantity })),
    active: r.active,
    knownPartsCents: Number(r.known_parts_cents),
    missingSkus: r.missing_skus,
  };
}
