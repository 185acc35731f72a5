import { randomBytes, randomUUID } from 'node:crypto';
import { inventory, type Principal } from '@garage/shared';
import {
  DOWNTOWN,
  HARBOR,
  NORTHSIDE,
  createPart,
  ledgerMismatches,
  natsClient,
  receive,
  startWorld,
  type InventoryWorld,
} from './inventory-kit.js';
import { openEventLine, type EventLine } from './booking-events-kit.js';

// Waits on the run-wide event stream's durables (see booking-events-kit settled()).
jest.setTimeout(90_000);

let w: InventoryWorld;
let events: EventLine;
let nats: Awaited<ReturnType<typeof natsClient>>;

beforeAll(async () => {
  w = await startWorld();
  events = await openEventLine();
  nats = await natsClient();
});

afterAll(async () => {
  await nats?.close();
  await events?.close();
  await w?.close();
});

const as = (role: Principal['role'], branchIds: string[] = []): Principal => ({
  kind: role === 'customer' ? 'customer' : 'user',
  id: randomUUID(),
  role,
  branchIds,
  sessionId: randomBytes(32).toString('hex'),
});

const lowStock = async (principal: Principal | null, branchId?: string) =>
  (await nats.rpc.request(inventory.dashboard, { principal, payload: branchId ? { branchId } : {} })).lowStockParts;

/** Low-stock counts as an admin sees them: the chain and each demo branch. */
const snapshot = async () => ({
  chain: await lowStock(as('admin')),
  downtown: await lowStock(as('admin'), DOWNTOWN),
  northside: await lowStock(as('admin'), NORTHSIDE),
  harbor: await lowStock(as('admin'), HARBOR),
});

describe('inventory.dashboard', () => {
  it('counts stock rows at or below their reorder level, for one branch or the whole chain', async () => {
    await events.settled(w);
    const before = await snapshot();
    const part = await createPart(w, { reorderLevel: 5 });
    await receive(w, part.id, DOWNTOWN, 5); // 5 available ≤ 5: low
    await receive(w, part.id, NORTHSIDE, 8); // 8 available: fine, until a booking holds 3 of them
    expect(await snapshot()).toEqual({ ...before, chain: before.chain + 1, downtown: before.downtown + 1 });

    const bookingId = randomUUID();
    const lines = [{ partSku: part.sku, quantity: 3 }];
    await events.publish('booking.created', {
      bookingId,
      branchId: NORTHSIDE,
      startsAt: new Date().toISOString(),
      lines,
    });
    await events.settled(w);
    expect(await snapshot()).toEqual({
      ...before,
      chain: before.chain + 2,
      downtown: before.downtown + 1,
      northside: before.northside + 1,
    });
    expect(await ledgerMismatches(w)).toEqual([]);
  });

  it('staff see their own branch, or all of theirs; another branch is refused', async () => {
    const counts = await snapshot();
    expect(await lowStock(as('staff', [DOWNTOWN]), DOWNTOWN)).toBe(counts.downtown);
    expect(await lowStock(as('staff', [DOWNTOWN]))).toBe(counts.downtown);
    expect(await lowStock(as('staff', [DOWNTOWN, NORTHSIDE]))).toBe(counts.downtown + counts.northside);
    expect(await lowStock(as('staff', [NORTHSIDE]), NORTHSIDE.toUpperCase())).toBe(counts.northside);
    await expect(lowStock(as('staff', [DOWNTOWN]), NORTHSIDE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await lowStock(as('staff', []))).toBe(0);
  });

  it('refuses customers, callers without a session and a malformed scope', async () => {
    await expect(lowStock(as('customer'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(lowStock(as('customer'), DOWNTOWN)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(lowStock(null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(lowStock(as('admin'), 'downtown')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      nats.rpc.request(inventory.dashboard, { principal: as('admin'), payload: { extra: 1 } as never }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
