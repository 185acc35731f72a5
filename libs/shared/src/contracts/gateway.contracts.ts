import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, Uuid, pageOf } from './common.js';
import { CustomerSchema } from './auth.contracts.js';
import { BookingFiguresSchema } from './bookings/dashboard.contracts.js';
import { AuditQuery } from './audit.contracts.js';
import type { EventType } from './events.contracts.js';
import { DeadLetterId, DeadLetterQuery, DeadLetterSchema, ReplayedSchema } from './dead-letters.contracts.js';

/**
 * The gateway's own routes, composed from several services (one request per service, in parallel,
 * never one per row). Their patterns name the composition; nothing listens on them.
 */

/**
 * Events each gateway listens to with a plain NATS subscription (no durable): after these, the public
 * catalog and branch lists it caches may read differently (the catalog's changes, part prices).
 */
export const GATEWAY_CACHE_EVENTS = ['audit.catalog', 'part.price_changed'] as const satisfies readonly EventType[];

const Scope = z.strictObject({ branchId: Uuid.optional() });

export const CustomerSummarySchema = CustomerSchema.extend({
  vehicles: z.number().int(),
  bookings: z.number().int(),
});
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

export const listCustomers = defineMessage({
  pattern: 'gateway.customers.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({ q: z.string().trim().min(1).max(100).optional() }).strict(),
  response: pageOf(CustomerSummarySchema),
  http: {
    method: 'GET',
    path: '/api/customers',
    status: 200,
    tag: 'Customers',
    summary: 'Customers by name with their vehicle and booking counts; ?q= searches name, email or phone',
  },
});

export const getCustomerSummary = defineMessage({
  pattern: 'gateway.customers.get',
  access: ['admin', 'staff'],
  request: z.strictObject({ id: Uuid }),
  response: CustomerSummarySchema,
  http: {
    method: 'GET',
    path: '/api/customers/:id',
    status: 200,
    tag: 'Customers',
    summary: 'One customer with vehicle and booking counts',
  },
});

/** The services whose figures a dashboard can do without for a while (bookings' it cannot). */
export const DashboardPart = z.enum(['auth', 'inventory']);

export const DashboardSchema = BookingFiguresSchema.extend({
  /** null while the service that counts them (auth, chain-wide) is not answering. */
  customers: z.number().int().nullable(),
  /** null while inventory is not answering. */
  lowStockParts: z.number().int().nullable(),
  /** The services that did not answer, whose figures are null: the rest is current. */
  unavailable: z.array(DashboardPart),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const dashboard = defineMessage({
  pattern: 'gateway.dashboard',
  access: ['admin', 'staff'],
  request: Scope,
  response: DashboardSchema,
  http: {
    method: 'GET',
    path: '/api/dashboard',
    status: 200,
    tag: 'Dashboard',
    summary:
      "One branch (?branchId=) or the whole chain (admin) / all one's branches (staff); staff only their branches (403 otherwise). bookingsByStatus counts bookings starting from the first of this month (UTC) on; revenue is this UTC month's completed work; bookingsToday uses each branch's own date. With inventory or auth down, their figures are null and named in `unavailable` (the rest is current); with bookings down, 503",
  },
});

/** The audit log as CSV: every entry the filters select, newest first, at most AUDIT_EXPORT_MAX_ROWS. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
export const exportAudit = defineMessage({
  pattern: 'gateway.audit.export',
  access: ['admin'],
  request: AuditQuery.omit({ limit: true, cursor: true }).strict(),
  response: z.string(),
  http: {
    method: 'GET',
    path: '/api/audit/export',
    status: 200,
    tag: 'Audit',
    summary: 'The audit log as CSV (same filters as GET /api/audit; at most 100,000 entries, newest first)',
    produces: 'text/csv',
  },
});

export const listDeadLetters = defineMessage({
  pattern: 'gateway.dead-letters.list',
  access: ['admin'],
  request: DeadLetterQuery,
  response: pageOf(DeadLetterSchema),
  http: {
    method: 'GET',
    path: '/api/admin/dead-letters',
    status: 200,
    tag: 'Admin',
    summary:
      'Events a durable consumer gave up on (still failing after EVENT_MAX_DELIVERIES deliveries, or unreadable), newest first, from every service that consumes events; ?durable= and ?type= filter. 503 while a service asked is not answering',
  },
});

export const replayDeadLetter = defineMessage({
  pattern: 'gateway.dead-letters.replay',
  access: ['admin'],
  request: z.strictObject({ id: DeadLetterId }),
  response: ReplayedSchema,
  http: {
    method: 'POST',
    path: '/api/admin/dead-letters/:id/replay',
    status: 200,
    tag: 'Admin',
    summary:
      'Hands the event to the one consumer that failed it, once (after the fault is fixed); on success the dead letter is gone (404 for a second replay). 409 while another replay of it runs, for an unreadable event, or when the event still fails (the reason is in the message; it stays a dead letter)',
  },
});

export const gatewayContracts = {
  listCustomers,
  getCustomerSummary,
  dashboard,
  exportAudit,
  listDeadLetters,
  replayDeadLetter,
};
