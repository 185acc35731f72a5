import { MAX_BOOKING_HORIZON_DAYS, bookings } from '@garage/shared';
import {
  ALWAYS_OPEN,
  createBranch,
  createService,
  createTechnician,
  ok,
  startBookingsAlone,
  type BookingsWorld,
} from './bookings-kit.js';

// SLOT_MINUTES reaches availability from the service's configuration, not only the grid's unit tests
// (the bookings service alone, the catalog faked).
let w: BookingsWorld;

beforeAll(async () => {
  w = await startBookingsAlone({ SLOT_MINUTES: '15' });
}, 60_000);

afterAll(async () => {
  await w?.close();
});

it('SLOT_MINUTES=15 offers a start every quarter of an hour', async () => {
  const job = await createService(w, 30);
  // The date is months ahead (a whole BST day): the branch takes bookings that far ahead.
  const branch = await createBranch(w, {
    timezone: 'Europe/London',
    openingHours: ALWAYS_OPEN,
    bookingHorizonDays: MAX_BOOKING_HORIZON_DAYS,
  });
  await createTechnician(w, branch.id);
  const { slots } = await ok(w, bookings.availability, null, {
    branchId: branch.id,
    serviceIds: job,
    date: '2027-06-15',
  });
  // 00:00 to 23:30 local (BST), every 15 minutes: 95 starts for a 30-minute job.
  expect(slots).toHaveLength(95);
  expect(slots[0]?.startsAt).toBe('2027-06-14T23:00:00.000Z');
  expect(Date.parse(slots[1]!.startsAt) - Date.parse(slots[0]!.startsAt)).toBe(15 * 60_000);
});
