/**
 * The request mix of `npm run bench:mixed`, as a booking site sees it: mostly anonymous catalog and
 * branch reads and availability, some signed-in customers, a few bookings, sign-ins and desk moves.
 */
import { DEMO_BRANCH_IDS, auth, bookings, catalog } from '@garage/shared';
import type { BookingsSetup } from './bookings-setup.js';
import { addDays, localDate } from './bookings-setup.js';
import { signInAccount } from './comparison.js';
import type { Target } from './load.js';
import type { OpenRequest, RequestKind } from './open-loop.js';

/** Shares of the arrivals, in percent (issue 12 §5). */
export const MIX = {
  'service-catalog': 25,
  branches: 20,
  availability: 25,
  me: 8,
  'my-bookings': 7,
  'create-booking': 6,
  'cost-calculator': 5,
  'sign-in': 2,
  'status-move': 2,
} as const;

export interface MixedInputs {
  setup: BookingsSetup;
  adminToken: string;
  /** Bodies and headers of new bookings (free slots, customers, Idempotency-Keys), one per call. */
  booking: Target;
  /** How many sign-in accounts exist (signInAccount(0 … n-1)). */
  signInAccounts: number;
}

function pathOf(contract: { http?: { path: string } }): string {
  if (!contract.http) throw new Error('a contract without an HTTP route');
  return contract.http.path;
}

const json = { 'content-type': 'application/json' };

/** The request kinds of the mix. `bookingsToMove` collects the load's new bookings for the desk's moves. */
export function mixedKinds(inputs: MixedInputs): RequestKind[] {
  const { setup, adminToken } = inputs;
  const demoBranches = Object.values(DEMO_BRANCH_IDS);
  const services = setup.availabilityServices.map((s) => s.id);
  const today = localDate(setup.busy.timezone);
  let i = 0;
  const next = <T>(list: readonly T[]) => list[i++ % list.length];
  const customer = () => setup.customers[Math.floor(Math.random() * setup.customers.length)];
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** Bookings the load made, with the status the desk moves each to next. */
  const toMove: { id: string; next: 'confirmed' | 'cancelled' }[] = [];

  const get = (path: string, headers?: Record<string, string>): OpenRequest => ({ method: 'GET', path, headers });
  const kinds: Record<keyof typeof MIX, () => OpenRequest | null> = {
    'service-catalog': () =>
      get(i++ % 2 ? pathOf(catalog.listServices) : `${pathOf(catalog.listServices)}?branchId=${next(demoBranches)}`),
    branches: () => get(pathOf(catalog.listBranches)),
    availability: () =>
      get(
        `${pathOf(bookings.availability)}?branchId=${next(demoBranches)}&serviceIds=${next(services)}` +
          `&date=${addDays(today, 1 + (i % 14))}`,
      ),
    me: () => get(pathOf(auth.me), bearer(customer().token)),
    'my-bookings': () => get(pathOf(bookings.myBookings), bearer(customer().token)),
    'create-booking': () => {
      const made = inputs.booking.next!();
      return {
        method: 'POST',
        path: pathOf(bookings.createBooking),
        headers: { ...json, ...made.headers },
        body: made.body,
        onAnswer: (status, body) => {
          if (status === 201) toMove.push({ id: (JSON.parse(body) as { id: string }).id, next: 'confirmed' });
        },
      };
    },
    'cost-calculator': () => ({
      method: 'POST',
      path: pathOf(catalog.calculateCost),
      headers: json,
      body: JSON.stringify({ branchId: next(demoBranches), serviceIds: services }),
    }),
    'sign-in': () => ({
      method: 'POST',
      path: pathOf(auth.customerLogin),
      headers: json,
      body: JSON.stringify(signInAccount(Math.floor(Math.random() * inputs.signInAccounts))),
    }),
    'status-move': () => {
      const booking = toMove.shift();
      if (!booking) return null;
      return {
        method: 'PATCH',
        path: pathOf(bookings.setBookingStatus).replace(':id', booking.id),
        headers: { ...json, ...bearer(adminToken) },
        body: JSON.stringify({ status: booking.next }),
        onAnswer: (status) => {
          if (status === 200 && booking.next === 'confirmed') toMove.push({ id: booking.id, next: 'cancelled' });
        },
      };
    },
  };
  return (Object.keys(MIX) as (keyof typeof MIX)[]).map((name) => ({
    name,
    share: MIX[name],
    make: kinds[name],
    // A slot another request took a moment before, or a booking moved meanwhile: answers, not failures.
    expected: name === 'create-booking' || name === 'status-move' ? [409] : [],
  }));
}
