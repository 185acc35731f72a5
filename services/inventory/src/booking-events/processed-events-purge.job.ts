import { purgeJob, type ScheduledJob } from '@garage/shared';
import type { ProcessedEventsRepository } from './processed-events.repository.js';

/** How often ids of events no stream can deliver again are forgotten. */
export const PROCESSED_EVENTS_PURGE_EVERY_MS = 3600_000;

/** Keeps processed_events to what can still be redelivered. */
export function processedEventsPurgeJob(processed: ProcessedEventsRepository): ScheduledJob {
  return purgeJob('processed-events-purge', PROCESSED_EVENTS_PURGE_EVERY_MS, (tx) => processed.forgetExpired(tx));
}
