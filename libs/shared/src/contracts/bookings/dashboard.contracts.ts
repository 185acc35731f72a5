import { z } from 'zod';
import { defineMessage } from '../contract.js';
import { Uuid } from '../common.js';
import { BookingStatus } from './bookings.contracts.js';

// The bookings service's share of what the gateway composes (the dashboard, the customer list).

/** The dashboard's figures that bookings counts (the gateway adds inventory's and auth's). */
export const BookingFiguresSchema = z.object({
  customers: z.number().int(),
  vehicles: z.number().int(),
  bookingsToday: z.number().int(),
  bookingsByStatus: z.record(BookingStatus, z.number().int()),
  revenueCentsThisMonth: z.number().int(),
  activeTechnicians: z.number().int(),
});

/**
 * Internal: the bookings service's part of the dashboard, scoped by the principal (staff: their
 * branches). customers and vehicles count those with a booking in scope; for the whole chain the
 * gateway takes customers from auth instead.
 */
export const dashboard = defineMessage({
  pattern: 'bookings.dashboard',
  access: ['admin', 'staff'],
  callers: ['gateway'],
  request: z.strictObject({ branchId: Uuid.optional() }),
  response: BookingFiguresSchema,
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
