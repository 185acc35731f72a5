import { decodeCursor } from './common.js';
import {
  DeadLetterCursor,
  DeadLetterId,
  DeadLetterQuery,
  deadLetterId,
  mergeDeadLetterPages,
  ownerOfDurable,
  parseDeadLetterId,
  type DeadLetter,
} from './dead-letters.contracts.js';

const letter = (durable: string, seq: number): DeadLetter => ({
  id: deadLetterId(durable, seq),
  durable,
  type: 'booking.created',
  event: null,
  unreadable: 'x',
  streamSeq: 1,
  deliveries: 1,
  error: 'e',
  deadAt: new Date(0).toISOString(),
});
const ids = (page: { items: DeadLetter[] }) => page.items.map((l) => l.id);
const before = (cursor: string | null) => decodeCursor(cursor ?? undefined, DeadLetterCursor)?.before;

describe('dead-letter ids', () => {
  it('name the durable and the sequence, and parse back', () => {
    expect(deadLetterId('inventory-bookings', 42)).toBe('inventory-bookings.42');
    expect(parseDeadLetterId('inventory-bookings.42')).toEqual({ durable: 'inventory-bookings', seq: 42 });
    for (const bad of ['inventory-bookings', 'inventory-bookings.0', 'x.1.2', 'X.1', '.1', 'a.b', 'a.1e3']) {
      expect([bad, DeadLetterId.safeParse(bad).success]).toEqual([bad, false]);
    }
  });

  it('a durable belongs to the service that runs it', () => {
    expect(ownerOfDurable('inventory-bookings')).toBe('inventory');
    expect(ownerOfDurable('catalog-part-prices')).toBe('catalog');
    expect(ownerOfDurable('nobody')).toBeUndefined();
  });

  it('a list filters by a declared durable and event type only', () => {
    expect(DeadLetterQuery.safeParse({ durable: 'bookings-parts-status', type: 'inventory.shortage' }).success).toBe(
      true,
    );
    expect(DeadLetterQuery.safeParse({ durable: 'nobody' }).success).toBe(false);
    expect(DeadLetterQuery.safeParse({ type: 'booking.>' }).success).toBe(false);
  });
});

describe('mergeDeadLetterPages: one newest-first page from several', () => {
  it('takes the newest of all and goes on below the last one shown', () => {
    const merged = mergeDeadLetterPages(
      [
        { items: [letter('a', 9), letter('a', 4)], nextCursor: 'more' },
        { items: [letter('b', 8), letter('b', 7), letter('b', 2)], nextCursor: null },
      ],
      3,
    );
    expect(ids(merged)).toEqual(['a.9', 'b.8', 'b.7']);
    expect(before(merged.nextCursor)).toBe(7);
  });

  it('goes on when a page had more even if all it gave was shown', () => {
    const merged = mergeDeadLetterPages(
      [
        { items: [letter('a', 5)], nextCursor: 'more' },
        { items: [], nextCursor: null },
      ],
      2,
    );
    expect(ids(merged)).toEqual(['a.5']);
    expect(before(merged.nextCursor)).toBe(5);
  });

  it('ends when every page ended and nothing was left out', () => {
    const merged = mergeDeadLetterPages(
      [
        { items: [letter('a', 3)], nextCursor: null },
        { items: [letter('b', 6)], nextCursor: null },
      ],
      2,
    );
    expect(ids(merged)).toEqual(['b.6', 'a.3']);
    expect(merged.nextCursor).toBeNull();
    expect(mergeDeadLetterPages([], 5)).toEqual({ items: [], nextCursor: null });
  });
});
