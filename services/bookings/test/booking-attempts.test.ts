import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DomainError, createRedis, redisReady } from '@garage/shared';
import { BookingAttempts } from '../src/bookings/booking-attempts.js';
import { BookingSettings } from '../src/scheduling/booking-settings.js';
import type { BookingsConfig } from '../src/config.js';
import { testEnv } from '../../../test/support/test-env.js';
import { until } from '../../../test/support/waits.js';

// The per-customer count of booking attempts on the run's real Redis, with a one-second window.

let redis: Redis;
let attempts: BookingAttempts;

beforeAll(async () => {
  redis = createRedis(testEnv().REDIS_URL, 'booking-attempts-test');
  await redisReady(redis);
  const config = { BOOKING_ATTEMPTS_PER_CUSTOMER: 2, BOOKING_ATTEMPTS_WINDOW_SECONDS: 1 } as BookingsConfig;
  attempts = new BookingAttempts(redis, new BookingSettings(config));
});

afterAll(async () => {
  await redis?.quit();
});

const refusalOf = (customerId: string) =>
  attempts.count(customerId).then(
    () => null,
    (err: unknown) => err,
  );

it('lets a customer make the allowed attempts, then answers RATE_LIMITED with the seconds to wait until the window ends', async () => {
  const customer = randomUUID();
  expect(await refusalOf(customer)).toBeNull();
  expect(await refusalOf(customer)).toBeNull();
  const refused = await refusalOf(customer);
  expect(refused).toBeInstanceOf(DomainError);
  expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
  // Another customer has a count of their own.
  expect(await refusalOf(randomUUID())).toBeNull();
  await until('the window to end for the customer', async () => (await refusalOf(customer)) === null, {
    timeoutMs: 5_000,
    everyMs: 200,
  });
});

it('refuses everyone (503) when Redis is away, rather than letting attempts through uncounted', async () => {
  const away = createRedis('redis://127.0.0.1:1/0', 'booking-attempts-away');
  try {
    const config = { BOOKING_ATTEMPTS_PER_CUSTOMER: 2, BOOKING_ATTEMPTS_WINDOW_SECONDS: 1 } as BookingsConfig;
    const blind = new BookingAttempts(away, new BookingSettings(config));
    await expect(blind.count(randomUUID())).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  } finally {
    away.disconnect();
  }
});
