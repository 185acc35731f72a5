import type { StockLevel } from '@garage/shared';

/** A part's row joined with its stock at one branch (0s when the branch has no stock row). */
export interface StockLevelRow {
  id: string;
  sku: string;
  name: string;
  unit_price_cents: number;
  reorder_level: number;
  branch_id: string;
  on_hand: number;
  reserved: number;
}

/** Select list for StockLevelRow from `inventory.parts p` joined to `inventory.stock s`. */
export const LEVEL_COLUMNS =
  'p.id, p.sku, p.name, p.unit_price_cents, p.reorder_level, s.branch_id, s.on_hand, s.reserved';

export function toStockLevel(r: StockLevelRow): StockLevel {
  const available = r.on_hand - r.reserved;
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    unitPriceCents: r.unit_price_cents,
    branchId: r.branch_id,
    onHand: r.on_hand,
    reserved: r.reserved,
    available,
    reorderLevel: r.reorder_level,
    lowStock: available <= r.reorder_level,
  };
}
