import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  escapeLike,
  pageFrom,
  Sql,
  SqlParams,
  whereAll,
  type AuditEntry,
  type AuditRecord,
  type Queryable,
  type Tx,
} from '@garage/shared';
import { z } from 'zod';

interface AuditRow {
  id: string;
  at: Date;
  service: string;
  action: string;
  actor_kind: AuditEntry['actor']['kind'];
  actor_id: string | null;
  actor_label: string | null;
  ip: string | null;
  branch_id: string | null;
  subject_type: string;
  subject_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const COLUMNS =
  'id, at, service, action, actor_kind, actor_id, actor_label, ip, branch_id, subject_type, subject_id, before, after';
// Microseconds matter: entries of one transaction share a millisecond.
const Cursor = z.object({ at: z.string(), id: z.uuid() });

export interface AuditFilter {
  actorId?: string;
  branchId?: string;
  /** An action, or a prefix ending in a dot, or several of these separated by commas. */
  action?: string;
  from?: string;
  to?: string;
}

/** The audit log's table: appended to, read newest first, and purged by retention only. */
@Injectable()
export class AuditRepository {
  constructor(private readonly sql: Sql) {}

  /** Appends entries; an id already there (a redelivered event) is left as it is. */
  async append(service: string, records: AuditRecord[], on: Queryable = this.sql): Promise<void> {
    if (records.length === 0) return;
    await on.rows(
      `INSERT INTO auth.audit_entries (${COLUMNS})
       SELECT r.id, r.at, $1, r.action, r.actor_kind, r.actor_id, r.actor_label, r.ip, r.branch_id,
              r.subject_type, r.subject_id, r.before, r.after
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, at timestamptz, action text, actor_kind text,
            actor_id uuid, actor_label text, ip text, branch_id uuid, subject_type text, subject_id text,
            before jsonb, after jsonb)
       ON CONFLICT (id) DO NOTHING`,
      [
        service,
        JSON.stringify(
          records.map((r) => ({
            id: r.id,
            at: r.at,
            action: r.action,
            actor_kind: r.actor.kind,
            actor_id: r.actor.id,
            actor_label: r.actor.label,
            ip: r.ip,
            branch_id: r.branchId,
            subject_type: r.subject.type,
            subject_id: r.subject.id,
            before: r.before,
            after: r.after,
          })),
        ),
      ],
    );
  }

  /** A page of entries, newest first. */
  async list(
    filter: AuditFilter,
    limit: number,
    cursor?: string,
  ): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, Cursor);
    const p = new SqlParams();
    const limitParam = p.add(limit + 1);
    const where = whereAll([
      after && `(at, id) < (${p.add(after.at)}::timestamptz, ${p.add(after.id)})`,
      filter.actorId && `actor_id = ${p.add(filter.actorId)}`,
      filter.branchId && `branch_id = ${p.add(filter.branchId)}`,
      filter.action && actionCondition(p, filter.action),
      filter.from && `at >= ${p.add(filter.from)}`,
      filter.to && `at < ${p.add(filter.to)}`,
    ]);
    const rows = await this.sql.rows<AuditRow & { cursor_at: string }>(
      `SELECT ${COLUMNS}, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
       FROM auth.audit_entries ${where} ORDER BY at DESC, id DESC LIMIT ${limitParam}`,
      p.values,
    );
    return pageFrom(rows, limit, toEntry, (r) => ({ at: r.cursor_at, id: r.id }));
  }

  /** Deletes entries older than the retention, in this transaction only (the table refuses it otherwise). */
  async purgeOlderThan(tx: Tx, days: number): Promise<number> {
    await tx.rows(`SELECT set_config('garage.audit_retention', 'on', true)`);
    const rows = await tx.rows(
      `DELETE FROM auth.audit_entries WHERE at < now() - make_interval(days => $1) RETURNING 1`,
      [days],
    );
    return rows.length;
  }
}

/** Entries of any of the comma-separated actions or prefixes (a prefix ends in a dot). */
function actionCondition(p: SqlParams, actions: string): string {
  const terms = [...new Set(actions.split(','))].map((a) =>
    a.endsWith('.') ? `action LIKE ${p.add(`${escapeLike(a)}%`)}` : `action = ${p.add(a)}`,
  );
  return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    service: row.service,
    action: row.action as AuditEntry['action'],
    actor: { kind: row.actor_kind, id: row.actor_id, label: row.actor_label },
    ip: row.ip,
    branchId: row.branch_id,
    subject: { type: row.subject_type, id: row.subject_id },
    before: row.before,
    after: row.after,
  };
}
