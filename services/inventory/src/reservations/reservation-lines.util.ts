import type { LockedStock } from '../stock/stock.repository.js';
import type { ReservationLine, Shortage } from './reservations.repository.js';

/** One line per SKU (a SKU named twice is needed twice over), in the order first named. */
export function mergeLines(lines: ReservationLine[]): ReservationLine[] {
  const bySku = new Map<string, number>();
  for (const l of lines) bySku.set(l.partSku, (bySku.get(l.partSku) ?? 0) + l.quantity);
  return [...bySku].map(([partSku, quantity]) => ({ partSku, quantity }));
}

/** True when two requests ask for the same parts, whatever the order of their lines. */
export function sameLines(a: ReservationLine[], b: ReservationLine[]): boolean {
  const key = (lines: ReservationLine[]) =>
    mergeLines(lines)
      .map((l) => `${l.partSku}×${l.quantity}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** The lines the branch cannot cover from what is available (an unknown SKU or no stock row: 0 available). */
export function shortagesOf(lines: ReservationLine[], stock: LockedStock[]): Shortage[] {
  const bySku = new Map(stock.map((s) => [s.sku, s]));
  return lines.flatMap((l) => {
    const row = bySku.get(l.partSku);
    const available = row ? row.onHand - row.reserved : 0;
    return available < l.quantity ? [{ partSku: l.partSku, needed: l.quantity, available }] : [];
  });
}

/** Each line with the part id of its locked stock row; every line of a held reservation has one. */
export function heldLines(lines: ReservationLine[], stock: LockedStock[]): Array<{ partId: string; quantity: number }> {
  const bySku = new Map(stock.map((s) => [s.sku, s]));
  return lines.map((l) => {
    const row = bySku.get(l.partSku);
    if (!row) throw new Error(`held reservation line ${l.partSku} has no stock row`);
    return { partId: row.partId, quantity: l.quantity };
  });
}
