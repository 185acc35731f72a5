import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import type { Tx } from '../db/transactions.js';
import { appendEvent, publishesEvents } from './outbox.js';

/** A transaction that records the statements it is given. */
function recordingTx() {
  const statements: { sql: string; params: readonly unknown[] }[] = [];
  const rows = async <R>(sql: string, params: readonly unknown[] = []): Promise<R[]> => {
    statements.push({ sql, params });
    return [];
  };
  const tx: Tx = { inTransaction: true, rows, one: async () => null };
  return { statements, tx };
}

describe('appendEvent', () => {
  it("writes the event into its publisher's outbox, its data parsed by the event's schema", async () => {
    const { tx, statements } = recordingTx();
    const bookingId = randomUUID();
    const branchId = randomUUID().toUpperCase();
    const id = await appendEvent(tx, 'booking.cancelled', { bookingId, branchId });
    expect(statements).toHaveLength(1);
    expect(statements[0]!.sql).toMatch(/^INSERT INTO bookings\.outbox /);
    const [rowId, type, data] = statements[0]!.params;
    expect([rowId, type]).toEqual([id, 'booking.cancelled']);
    // Parsed, not passed through: the Uuid schema spells ids in lower case.
    expect(JSON.parse(data as string)).toEqual({ bookingId, branchId: branchId.toLowerCase() });

    await appendEvent(tx, 'inventory.parts_reserved', { bookingId, branchId });
    expect(statements[1]!.sql).toMatch(/^INSERT INTO inventory\.outbox /);
  });

  it('refuses data that does not fit the schema, and writes nothing', async () => {
    const { tx, statements } = recordingTx();
    await expect(
      appendEvent(tx, 'inventory.shortage', { bookingId: randomUUID(), branchId: 'b-1', shortages: [] }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(statements).toEqual([]);
  });
});

describe('publishesEvents', () => {
  it('is true for the services EVENT_PUBLISHERS names, which therefore have an outbox', () => {
    expect(['auth', 'catalog', 'bookings', 'inventory'].filter(publishesEvents)).toEqual([
      'catalog',
      'bookings',
      'inventory',
    ]);
  });
});
