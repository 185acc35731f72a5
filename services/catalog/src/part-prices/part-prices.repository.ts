import { Injectable } from '@nestjs/common';
import { Sql, type PartPrice } from '@garage/shared';

/**
 * Catalog's copy of inventory's part prices (catalog.part_prices). Every write is guarded by the
 * price version, so whichever way and in whatever order news arrives, the newest price wins.
 */
@Injectable()
export class PartPricesRepository {
  constructor(private readonly sql: Sql) {}

  /** Stores the prices newer than the cached ones; an older or repeated price changes nothing. Returns rows changed. */
  async upsert(prices: readonly PartPrice[]): Promise<number> {
    const newest = newestPerSku(prices);
    if (!newest.length) return 0;
    const rows = await this.sql.rows(
      `INSERT INTO catalog.part_prices (sku, part_id, unit_price_cents, price_version)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[], $4::bigint[])
       ON CONFLICT (sku) DO UPDATE
         SET part_id = EXCLUDED.part_id, unit_price_cents = EXCLUDED.unit_price_cents,
             price_version = EXCLUDED.price_version, updated_at = now()
         WHERE catalog.part_prices.price_version < EXCLUDED.price_version
       RETURNING sku`,
      [
        newest.map((p) => p.sku),
        newest.map((p) => p.partId),
        newest.map((p) => p.unitPriceCents),
        newest.map((p) => p.priceVersion),
      ],
    );
    return rows.length;
  }
}

/** One price per SKU (Postgres refuses to upsert the same key twice in one statement). */
function newestPerSku(prices: readonly PartPrice[]): PartPrice[] {
  const bySku = new Map<string, PartPrice>();
  for (const p of prices) {
    const seen = bySku.get(p.sku);
    if (!seen || seen.priceVersion < p.priceVersion) bySku.set(p.sku, p);
  }
  return [...bySku.values()];
}
