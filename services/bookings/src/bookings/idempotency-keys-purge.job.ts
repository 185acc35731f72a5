import { purgeJob, type ScheduledJob } from '@garage/shared';
import type { IdempotencyRepository } from './idempotency.repository.js';

/** How often keys past their 24 hours are deleted. */
export const IDEMPOTENCY_KEYS_PURGE_EVERY_MS = 3600_000;

/** Keys past 24 h are ignored anyway; deleting them now and then keeps the table small. */
export function idempotencyKeysPurgeJob(keys: IdempotencyRepository): ScheduledJob {
  return purgeJob('idempotency-keys-purge', IDEMPOTENCY_KEYS_PURGE_EVERY_MS, (tx) => keys.purgeExpired(tx));
}
