import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, Uuid, pageOf } from './common.js';
import { CustomerSchema } from './auth.contracts.js';
import { BookingStatus } from './bookings.contracts.js';

/**
 * Routes the gateway composes from several services (one request per service, in parallel,
 * never one per row). Their patterns name the composition; nothing listens on them.
 */

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

export const DashboardSchema = z.object({
  /** null while the service that counts them (auth, chain-wide) is not answering. */
  customers: z.number().int().nullable(),
  vehicles: z.number().int(),
  bookingsToday: z.number().int(),
  bookingsByStatus: z.record(BookingStatus, z.number().int()),
  revenueCentsThisMonth: z.number().int(),
  /** null while inventory is not answering. */
  lowStockParts: z.number().int().nullable(),
  activeTechnicians: z.number().int(),
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

/**
 * Internal: the bookings service's part of the dashboard, scoped by the principal (staff: their
 * branches). customers and vehicles count those with a booking in scope; for the whole chain the
 * gateway takes customers from auth instead.
 */
export const bookingsDashboard = defineMessage({
  pattern: 'bookings.dashboard',
  access: ['admin', 'staff'],
  callers: ['gateway'],
  request: Scope,
  response: DashboardSchema.pick({
    vehicles: true,
    bookingsToday: true,
    bookingsByStatus: true,
    revenueCentsThisMonth: true,
    activeTechnicians: true,
  }).extend({ customers: z.number().int() }),
});

/** Internal: the inventory service's part of the dashboard: stock rows at or below their reorder level. */
export const inventoryDashboard = defineMessage({
  pattern: 'inventory.dashboard',
  access: ['admin', 'staff'],
  callers: ['gateway'],
  request: Scope,
  response: z.object({ lowStockParts: z.number().int() }),
});

/** Internal: how many vehicles and bookings each customer has (for GET /api/customers). */
export const customerCounts = defineMessage({
  pattern: 'bookings.customers.counts',
  access: ['admin', 'staff'],
  callers: ['gateway'],
  request: z.strictObject({ customerIds: z.array(Uuid).max(100) }),
  response: z.object({
    items: z.array(z.object({ customerId: Uuid, vehicles: z.number().int(), bookings: z.number().int() })),
  }),
});

export const dashboardContracts = { listCustomers, getCustomerSummary, dashboard };
