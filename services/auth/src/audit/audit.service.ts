import { Inject, Injectable } from '@nestjs/common';
import {
  AuditRecordSchema,
  ConsumesEvents,
  EVENT_SUBSCRIPTIONS,
  SERVICE_LOG,
  auditRecord,
  purgeJob,
  type AuditInput,
  type AuditRecord,
  type DomainEvent,
  type Logger,
  type Queryable,
  type ScheduledJob,
} from '@garage/shared';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

/** How often entries past the retention are deleted. */
const RETENTION_EVERY_MS = 3600_000;

/**
 * The audit log the chain's owners read. The auth service keeps it: its own entries it writes
 * directly, the other services' arrive as `audit.<service>` events through their outboxes.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly entries: AuditRepository,
    @Inject(SERVICE_LOG) private readonly log: Logger,
  ) {}

  /** Records one of the auth service's own entries (in the caller's transaction when it passes one). */
  async record(input: AuditInput & { actor?: AuditRecord['actor'] }, on?: Queryable): Promise<void> {
    const { actor, ...rest } = input;
    const record = auditRecord(rest);
    await this.entries.append('auth', [actor ? { ...record, actor } : record], on);
  }

  list(query: AuditFilter & { limit: number; cursor?: string }) {
    const { limit, cursor, ...filter } = query;
    return this.entries.list(filter, limit, cursor);
  }

  /** Keeps another service's entry; its id makes a redelivery a no-op. */
  @ConsumesEvents(EVENT_SUBSCRIPTIONS.authAudit)
  async apply(event: DomainEvent): Promise<void> {
    const record = AuditRecordSchema.safeParse(event.data);
    if (!record.success) {
      this.log.error({ eventId: event.id, type: event.type }, 'malformed audit event skipped');
      return;
    }
    await this.entries.append(event.type.slice('audit.'.length), [record.data]);
  }
}

/** Deletes entries older than `days` (AUDIT_RETENTION_DAYS), hourly, on one replica at a time. */
export function auditRetentionJob(entries: AuditRepository, days: number): ScheduledJob {
  return purgeJob('audit-retention', RETENTION_EVERY_MS, (tx) => entries.purgeOlderThan(tx, days));
}
