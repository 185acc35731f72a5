import { startService, type RunningService } from '@garage/shared';
import type { BookingsConfig } from './config.js';
import { BookingsModule } from './bookings.module.js';
import { createBookingsDataSource } from './data-source.js';
import { loadDemoBookings } from './demo/demo-data.js';
import { idempotencyKeysPurgeJob } from './bookings/idempotency-keys-purge.job.js';
import { IdempotencyRepository } from './bookings/idempotency.repository.js';

/** The bookings service: vehicles, technicians, availability, bookings, service records (schema "bookings"). */
export function startBookingsService(config: BookingsConfig): Promise<RunningService> {
  return startService({
    name: 'bookings',
    config,
    createDataSource: (c) => createBookingsDataSource(c.DATABASE_URL, c.DB_POOL_SIZE),
    module: () => BookingsModule.forRoot(),
    loadDemoData: (infra) => loadDemoBookings(infra),
    jobs: (app) => [idempotencyKeysPurgeJob(app.get(IdempotencyRepository))],
  });
}
