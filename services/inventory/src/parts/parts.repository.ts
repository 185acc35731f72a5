import { Injectable } from '@nestjs/common';
import { type Part, type PartPrice, Tx, Sql } from '@garage/shared';

interface PartRow {
  id: string;
  sku: string;
  name: string;
  unit_price_cents: number;
  reorder_level: number;
  /** bigint: pg returns it as a string. */
  price_version: string;
}

export type PartFields = Omit<Part, 'id'>;
export type PartChange = Partial<Omit<PartFields, 'sku'>>;

/** A part as stored, with its price as the catalog is told it (the version orders the prices). */
export interface StoredPart {
  part: Part;
  price: PartPrice;
}

const COLUMNS = 'id, sku, name, unit_price_cents, reorder_level, price_version';

/** Parts in Postgres: plain SQL; a new price bumps the part's price version (PartsService tells the catalog). */
@Injectable()
export class PartsRepository {
  constructor(private readonly sql: Sql) {}

  async findById(id: string): Promise<Part | null> {
    const row = await this.sql.one<PartRow>(`SELECT ${COLUMNS} FROM inventory.parts WHERE id = $1`, [id], {
      name: 'inventory.parts.by-id',
    });
    return row ? toPart(row) : null;
  }

  /** Inserts a part at price version 1; null when the SKU is taken. */
  async insert(tx: Tx, p: PartFields): Promise<StoredPart | null> {
    const rows = await tx.rows<PartRow>(
      `INSERT INTO inventory.parts (sku, name, unit_price_cents, reorder_level) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sku) DO NOTHING RETURNING ${COLUMNS}`,
      [p.sku, p.name, p.unitPriceCents, p.reorderLevel],
    );
    return rows[0] ? stored(rows[0]) : null;
  }

  /**
   * Applies a change to a part; a different price bumps price_version (`priceChanged`). The row is
   * locked first so two concurrent price changes get distinct, ordered versions.
   */
  async update(
    tx: Tx,
    id: string,
    change: PartChange,
  ): Promise<(StoredPart & { priceChanged: boolean; before: Part }) | null> {
    // NO KEY UPDATE, not UPDATE: it must not wait for the key-share locks of stock rows referencing the part.
    const [current] = await tx.rows<PartRow>(`SELECT ${COLUMNS} FROM inventory.parts WHERE id = $1 FOR NO KEY UPDATE`, [
      id,
    ]);
    if (!current) return null;
    const price = change.unitPriceCents ?? current.unit_price_cents;
    const priceChanged = price !== current.unit_price_cents;
    const [updated] = await tx.rows<PartRow>(
      `UPDATE inventory.parts SET name = $2, unit_price_cents = $3, reorder_level = $4,
         price_version = price_version + $5, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, change.name ?? current.name, price, change.reorderLevel ?? current.reorder_level, priceChanged ? 1 : 0],
    );
    return { ...stored(updated), priceChanged, before: stored(current).part };
  }

  /** Current prices of the named SKUs (unknown ones are absent), in SKU order. */
  async pricesOf(skus: string[]): Promise<PartPrice[]> {
    const rows = await this.sql.rows<PartRow>(
      `SELECT ${COLUMNS} FROM inventory.parts WHERE sku = ANY($1::text[]) ORDER BY sku`,
      [skus],
      { name: 'inventory.parts.prices-of' },
    );
    return rows.map(toPrice);
  }

  /** A page of every price in SKU order, after a SKU ('' sorts before every SKU). */
  async pricePage(
    afterSku: string | undefined,
    limit: number,
  ): Promise<{ items: PartPrice[]; nextAfterSku: string | null }> {
    const rows = await this.sql.rows<PartRow>(
      `SELECT ${COLUMNS} FROM inventory.parts WHERE sku > $1 ORDER BY sku LIMIT $2`,
      [afterSku ?? '', limit + 1],
      { name: 'inventory.parts.price-page' },
    );
    const page = rows.slice(0, limit);
    return { items: page.map(toPrice), nextAfterSku: rows.length > limit ? page[page.length - 1].sku : null };
  }
}

function stored(r: PartRow): StoredPart {
  return { part: toPart(r), price: toPrice(r) };
}

function toPart(r: PartRow): Part {
  return { id: r.id, sku: r.sku, name: r.name, unitPriceCents: r.unit_price_cents, reorderLevel: r.reorder_level };
}

function toPrice(r: PartRow): PartPrice {
  return { partId: r.id, sku: r.sku, unitPriceCents: r.unit_price_cents, priceVersion: Number(r.price_version) };
}
