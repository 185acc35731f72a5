import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, Uuid, pageOf } from './common.js';

/**
 * The audit log (README "Audit log"): who did what, when, at which branch, from which address,
 * with the values before and after. Each service writes its entries with `recordAudit` in the
 * transaction of the change (through its outbox as an `audit.<service>` event); the auth service
 * keeps them, append-only, in `auth.audit_entries`.
 */

/** What was done: `<service>.<thing>.<verb>`, the vocabulary every filter and export uses. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.user.created',
  'auth.user.updated',
  'auth.customer.status_changed',
  'auth.password.changed',
  'catalog.branch.created',
  'catalog.branch.updated',
  'catalog.service.created',
  'catalog.service.updated',
  'inventory.part.created',
  'inventory.part.updated',
  'inventory.stock.adjusted',
  'inventory.stock.transferred',
  'bookings.booking.status_changed',
  'bookings.vehicle.owner_changed',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

const Snapshot = z.record(z.string(), z.unknown()).nullable();

/** One entry as the writer records it (the data of an `audit.<service>` event). */
export const AuditRecordSchema = z.object({
  id: Uuid,
  at: z.iso.datetime({ offset: true }),
  action: AuditAction,
  /** Who: a staff/admin user, a customer, or the system itself (a scheduled job, an event). */
  actor: z.object({
    kind: z.enum(['user', 'customer', 'system', 'anonymous']),
    id: Uuid.nullable(),
    /** What the actor typed to sign in, for failed sign-ins of no account (else null). */
    label: z.string().max(254).nullable(),
  }),
  /** The client address the gateway saw (null for the system). */
  ip: z.string().max(64).nullable(),
  branchId: Uuid.nullable(),
  subject: z.object({ type: z.string().min(1).max(40), id: z.string().min(1).max(200) }),
  before: Snapshot,
  after: Snapshot,
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** An entry as the log shows it: the record plus the service that wrote it. */
export const AuditEntrySchema = AuditRecordSchema.extend({ service: z.string() });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuery = PageQuery.extend({
  actorId: Uuid.optional(),
  branchId: Uuid.optional(),
  /**
   * An action, a prefix of one ending in a dot (`inventory.` for everything inventory did), or up to
   * 20 of these separated by commas (`auth.sign_in,auth.sign_in_failed`): the entries of any of them.
   */
  action: z
    .string()
    .max(400)
    .regex(
      /^[a-z_.]+(,[a-z_.]+){0,19}$/,
      'an action such as inventory.stock.adjusted, a prefix such as inventory., or several separated by commas',
    )
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).strict();

export const listAudit = defineMessage({
  pattern: 'auth.audit.list',
  access: ['admin'],
  request: AuditQuery,
  response: pageOf(AuditEntrySchema),
  http: {
    method: 'GET',
    path: '/api/audit',
    status: 200,
    tag: 'Audit',
    summary: 'The audit log, newest first: filters by actor, branch, action (or prefix) and time',
  },
});
