import { randomUUID } from 'node:crypto';
import { inventory, type Principal } from '@garage/shared';
import { call, ok, principal as as } from '../../../test/support/service-tier.js';
import {
  DOWNTOWN,
  HARBOR,
  NORTHSIDE,
  createPart,
  ledgerMismatches,
  receive,
  startInventoryAlone,
  type InventoryWorld,
} from './inventory-kit.js';
import { openEventLine, type EventLine } from './booking-events-kit.js';

// Waits on the run-wide event stream's durables (see booking-events-kit settled()).
jest.setTimeout(90_000);

let w: InventoryWorld;
let events: EventLine;

beforeAll(async () => {
  w = await startInventoryAlone();
  events = await openEventLine();
});

afterAll(async () => {
  await events?.close();
  await w?.close();
});

/** The error code of a refused dashboard request. */
const refusal = async (principal: Principal | null, payload: unknown) =>
  (await call(w, inventory.dashboard, principal, payload)).code;
const lowStock = async (principal: Principal | null, branchId?: string) =>
  (await ok(w, inventory.dashboard, principal, branchId ? { branchId } : {})).lowStockParts;

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
    expect(await refusal(as('staff', [DOWNTOWN]), { branchId: NORTHSIDE })).toBe('FORBIDDEN');
    expect(await lowStock(as('staff', []))).toBe(0);
  });

  it('refuses customers, callers without a session and a malformed scope', async () => {
    expect(await refusal(as('customer'), {})).toBe('FORBIDDEN');
    expect(await refusal(as('customer'), { branchId: DOWNTOWN })).toBe('FORBIDDEN');
    expect(await refusal(null, {})).toBe('UNAUTHENTICATED');
    expect(await refusal(as('admin'), { branchId: 'downtown' })).toBe('VALIDATION_FAILED');
    expect(await refusal(as('admin'), { extra: 1 })).toBe('VALIDATION_FAILED');
  });
});
