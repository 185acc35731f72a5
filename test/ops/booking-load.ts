import { randomUUID } from 'node:crypto';
import type { Availability } from '@garage/shared';
import { http, type HttpResult } from '../support/http.js';
import type { Journey } from '../support/journey.js';

/** A request the load made that did not get the answer it expected. */
export interface FailedRequest {
  what: string;
  status: number;
  body: unknown;
  at: number;
}

/** What the load saw: every request counted, every failure kept. */
export class LoadTally {
  requests = 0;
  bookings = 0;
  readonly failures: FailedRequest[] = [];

  failuresSince(at: number): FailedRequest[] {
    return this.failures.filter((f) => f.at >= at);
  }
}

/** Time between one customer's rounds: a steady load the two cores can carry while processes restart. */
const PACE_MS = 100;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * One customer booking again and again at their own branch (so no two customers race for a slot):
 * each round reads the branch list and the day's availability, then books the first free slot
 * (the booked service uses parts, so inventory reserves them). Runs until `stop` says so.
 */
export async function bookRepeatedly(base: string, j: Journey, tally: LoadTally, stop: () => boolean): Promise<void> {
  let day = 1;
  const call = async <T>(what: string, expected: number, run: () => Promise<HttpResult<T>>) => {
    tally.requests++;
    let res: HttpResult<T>;
    try {
      res = await run();
    } catch (err) {
      tally.failures.push({ what, status: 0, body: String(err), at: Date.now() });
      return undefined;
    }
    if (res.status !== expected) {
      tally.failures.push({ what, status: res.status, body: res.body ?? res.text, at: Date.now() });
      return undefined;
    }
    return res.body;
  };
  while (!stop()) {
    await call('list branches', 200, () => http(base, 'GET', '/api/branches'));
    const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
    const availability = await call('availability', 200, () =>
      http<Availability>(
        base,
        'GET',
        `/api/availability?branchId=${j.branch.id}&serviceIds=${j.service.id}&date=${date}`,
      ),
    );
    const slot = availability?.slots[0];
    if (availability && !slot) day++;
    if (slot) {
      const booked = await call('book', 201, () =>
        http(base, 'POST', '/api/bookings', {
          token: j.customer,
          headers: { 'idempotency-key': randomUUID() },
          body: { branchId: j.branch.id, vehicleId: j.vehicle.id, serviceIds: [j.service.id], startsAt: slot.startsAt },
        }),
      );
      if (booked) tally.bookings++;
    }
    await pause(PACE_MS);
  }
}
