import { z } from 'zod';
import { defineMessage } from '../contract.js';
import { PageQuery, Uuid, pageOf } from '../common.js';
import { CostEstimateSchema } from '../catalog.contracts.js';
import { BOOKINGS_TAG, Instant } from './fields.js';
import { Mileage } from './vehicles.contracts.js';

// Bookings: statuses, the booking itself and its workflow.

export const BOOKING_STATUSES = [
  'requested',
  'confirmed',
  'checked_in',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
] as const;
export const BookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** Where the booking's parts stand in inventory: pending until inventory has answered the booking event. */
export const PartsStatus = z.enum(['pending', 'reserved', 'awaiting_parts', 'released', 'consumed']);

export const BookingSchema = z.object({
  id: Uuid,
  customerId: Uuid,
  vehicleId: Uuid,
  branchId: Uuid,
  technicianId: Uuid,
  bay: z.number().int(),
  serviceIds: z.array(Uuid),
  startsAt: z.string(),
  endsAt: z.string(),
  status: BookingStatus,
  partsStatus: PartsStatus,
  /** The price when booked, frozen: later price changes do not touch it. */
  quote: CostEstimateSchema,
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Booking = z.infer<typeof BookingSchema>;

export const createBooking = defineMessage({
  pattern: 'bookings.create',
  access: ['customer', 'staff', 'admin'],
  request: z.strictObject({
    branchId: Uuid,
    vehicleId: Uuid,
    serviceIds: z
      .array(Uuid)
      .min(1)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'each service once'),
    startsAt: Instant,
    technicianId: Uuid.optional(),
    notes: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => !v.includes('\u0000'), 'no NUL characters')
      .default(''),
    /** From the `Idempotency-Key` header (the gateway puts it here). */
    idempotencyKey: z
      .string()
      .regex(/^[\x21-\x7e]{1,200}$/, 'printable ASCII, at most 200')
      .optional(),
  }),
  response: BookingSchema,
  http: {
    method: 'POST',
    path: '/api/bookings',
    status: 201,
    tag: BOOKINGS_TAG,
    summary:
      'Book a slot (customers: their own vehicle). Idempotency-Key: the same key from the same account within 24 h answers the first booking; with another body, 422. ' +
      "409: the slot is taken, the car already has a booking at an overlapping time, or the customer already holds the most upcoming bookings an account may make online. 400: a start beyond the branch's bookingHorizonDays (and the other start rules). " +
      "429 with Retry-After: the customer's booking attempts (refused ones too) are used up for now. Staff and admins are exempt from the cap and the attempt limit",
  },
});

export const listBookings = defineMessage({
  pattern: 'bookings.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({
    branchId: Uuid.optional(),
    customerId: Uuid.optional(),
    status: BookingStatus.optional(),
    from: Instant.optional(),
    to: Instant.optional(),
  }).strict(),
  response: pageOf(BookingSchema),
  http: {
    method: 'GET',
    path: '/api/bookings',
    status: 200,
    tag: BOOKINGS_TAG,
    summary: 'Bookings by start time (staff: their branches), ?branchId=&customerId=&status=&from=&to=',
  },
});

export const myBookings = defineMessage({
  pattern: 'bookings.mine',
  access: ['customer'],
  request: PageQuery.strict(),
  response: pageOf(BookingSchema),
  http: {
    method: 'GET',
    path: '/api/customer/my-bookings',
    status: 200,
    tag: BOOKINGS_TAG,
    summary: 'My bookings, newest start first',
  },
});

export const getBooking = defineMessage({
  pattern: 'bookings.get',
  access: 'signed-in',
  request: z.strictObject({ id: Uuid }),
  response: BookingSchema,
  http: {
    method: 'GET',
    path: '/api/bookings/:id',
    status: 200,
    tag: BOOKINGS_TAG,
    summary:
      "One booking (its owner, staff of its branch, admin; another customer's is 404, another branch's 403 for staff)",
  },
});

export const cancelBooking = defineMessage({
  pattern: 'bookings.cancel',
  access: 'signed-in',
  request: z.strictObject({ id: Uuid }),
  response: BookingSchema,
  http: {
    method: 'POST',
    path: '/api/bookings/:id/cancel',
    status: 200,
    tag: BOOKINGS_TAG,
    summary: 'Cancel (owner before it starts; staff of its branch; admin): frees the slot and the parts',
  },
});

export const setBookingStatus = defineMessage({
  pattern: 'bookings.set-status',
  access: ['staff', 'admin'],
  request: z.strictObject({
    id: Uuid,
    status: BookingStatus,
    /** Odometer reading when completing (goes into the service record and the vehicle). */
    mileage: Mileage.optional(),
  }),
  response: BookingSchema,
  http: {
    method: 'PATCH',
    path: '/api/bookings/:id/status',
    status: 200,
    tag: BOOKINGS_TAG,
    summary:
      'Move along requested → confirmed → checked_in → in_progress → completed, or to cancelled / no_show; anything else 409',
  },
});
