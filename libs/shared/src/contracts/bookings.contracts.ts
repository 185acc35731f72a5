import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, Text, Uuid, UuidList, pageOf } from './common.js';
import { CostEstimateSchema, Sku } from './catalog.contracts.js';
import { MAX_MILEAGE, PLATE_MESSAGE, PLATE_PATTERN, VIN_MESSAGE, VIN_PATTERN } from '../rules/vehicle.js';

const BOOKINGS_TAG = 'Bookings';
const VEHICLES_TAG = 'Vehicles';

// --- vehicles --------------------------------------------------------------------------

/** A VIN: 17 characters, letters and digits without I, O and Q; upper-cased. */
export const Vin = z.string().trim().toUpperCase().regex(VIN_PATTERN, VIN_MESSAGE);

const Mileage = z.number().int().min(0).max(MAX_MILEAGE);

const VehicleFields = {
  vin: Vin,
  plate: z.string().trim().toUpperCase().regex(PLATE_PATTERN, PLATE_MESSAGE),
  make: Text(40),
  model: Text(60),
  year: z
    .number()
    .int()
    .min(1900)
    .max(new Date().getUTCFullYear() + 1),
  /** The odometer reading; null until the owner or a completed job gives one. */
  mileage: Mileage.nullable(),
};

export const VehicleSchema = z.object({ id: Uuid, customerId: Uuid, ...VehicleFields, createdAt: z.string() });

/** A new vehicle's fields: the mileage may be left out (or null) when the owner does not know it. */
const NewVehicleFields = { ...VehicleFields, mileage: Mileage.nullable().optional() };
export type Vehicle = z.infer<typeof VehicleSchema>;

export const listVehicles = defineMessage({
  pattern: 'bookings.vehicles.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({ customerId: Uuid.optional(), q: Text(40).optional(), ids: UuidList.optional() }).strict(),
  response: pageOf(VehicleSchema),
  http: {
    method: 'GET',
    path: '/api/vehicles',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'Vehicles of every customer (?customerId=, ?q= VIN or plate prefix, ?ids= up to 100 ids, comma-separated)',
  },
});

export const createVehicle = defineMessage({
  pattern: 'bookings.vehicles.create',
  access: ['admin', 'staff'],
  request: z.strictObject({ customerId: Uuid, ...NewVehicleFields }),
  response: VehicleSchema,
  http: {
    method: 'POST',
    path: '/api/vehicles',
    status: 201,
    tag: VEHICLES_TAG,
    summary: "Register a customer's vehicle (a VIN belongs to one vehicle: 409 if known)",
  },
});

export const getVehicle = defineMessage({
  pattern: 'bookings.vehicles.get',
  access: 'signed-in',
  request: z.strictObject({ id: Uuid }),
  response: VehicleSchema,
  http: {
    method: 'GET',
    path: '/api/vehicles/:id',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'One vehicle (customers: their own only; another one is 404)',
  },
});

export const updateVehicle = defineMessage({
  pattern: 'bookings.vehicles.update',
  access: 'signed-in',
  request: z.strictObject({
    id: Uuid,
    plate: VehicleFields.plate.optional(),
    make: VehicleFields.make.optional(),
    model: VehicleFields.model.optional(),
    year: VehicleFields.year.optional(),
    mileage: Mileage.optional(),
  }),
  response: VehicleSchema,
  http: {
    method: 'PATCH',
    path: '/api/vehicles/:id',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'Change plate, make, model, year or mileage (customers: their own only)',
  },
});

export const myVehicles = defineMessage({
  pattern: 'bookings.vehicles.mine',
  access: ['customer'],
  request: PageQuery.strict(),
  response: pageOf(VehicleSchema),
  http: {
    method: 'GET',
    path: '/api/customer/my-vehicles',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'My vehicles',
  },
});

export const addMyVehicle = defineMessage({
  pattern: 'bookings.vehicles.add-mine',
  access: ['customer'],
  request: z.strictObject(NewVehicleFields),
  response: VehicleSchema,
  http: {
    method: 'POST',
    path: '/api/customer/my-vehicles',
    status: 201,
    tag: VEHICLES_TAG,
    summary: 'Add my vehicle',
  },
});

// --- technicians -------------------------------------------------------------------------

const TechnicianFields = {
  name: Text(100),
  branchId: Uuid,
  skills: z.array(Text(40)).max(30),
  active: z.boolean(),
};
export const TechnicianSchema = z.object({ id: Uuid, ...TechnicianFields });
export type Technician = z.infer<typeof TechnicianSchema>;

export const listTechnicians = defineMessage({
  pattern: 'bookings.technicians.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({
    branchId: Uuid.optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
  }).strict(),
  response: pageOf(TechnicianSchema),
  http: {
    method: 'GET',
    path: '/api/technicians',
    status: 200,
    tag: 'Technicians',
    summary: 'Technicians by name (?branchId=); they work their branch’s opening hours',
  },
});

export const createTechnician = defineMessage({
  pattern: 'bookings.technicians.create',
  access: ['admin'],
  request: z.strictObject({
    ...TechnicianFields,
    skills: TechnicianFields.skills.default([]),
    active: TechnicianFields.active.default(true),
  }),
  response: TechnicianSchema,
  http: {
    method: 'POST',
    path: '/api/technicians',
    status: 201,
    tag: 'Technicians',
    summary: 'Add a technician at a branch',
  },
});

export const updateTechnician = defineMessage({
  pattern: 'bookings.technicians.update',
  access: ['admin'],
  request: z.strictObject({
    id: Uuid,
    name: TechnicianFields.name.optional(),
    branchId: TechnicianFields.branchId.optional(),
    skills: TechnicianFields.skills.optional(),
    active: TechnicianFields.active.optional(),
  }),
  response: TechnicianSchema,
  http: {
    method: 'PATCH',
    path: '/api/technicians/:id',
    status: 200,
    tag: 'Technicians',
    summary: 'Change a technician (active: false takes them off new bookings)',
  },
});

// --- availability and bookings -------------------------------------------------------------

const CalendarDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');
const Instant = z.iso.datetime({ offset: true });
/** Ids as `a,b,c` (a query string) or as a list (a payload another service re-sends). */
const IdList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v),
  z.array(Uuid).min(1).max(20),
);

export const AvailabilitySchema = z.object({
  branchId: Uuid,
  date: z.string(),
  durationMinutes: z.number().int(),
  slots: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), technicianIds: z.array(Uuid) })),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

export const availability = defineMessage({
  pattern: 'bookings.availability',
  access: 'public',
  request: z.strictObject({ branchId: Uuid, serviceIds: IdList, date: CalendarDate }),
  response: AvailabilitySchema,
  http: {
    method: 'GET',
    path: '/api/availability',
    status: 200,
    tag: BOOKINGS_TAG,
    summary:
      "Start times on the booking grid inside the branch's opening hours (its own time zone) where a technician and a bay are both free for the services' whole duration",
  },
});

/** How far ahead `GET /api/availability/next` looks, in days from the first one (that day included). */
export const NEXT_FREE_SLOT_DAYS = 14;

export const NextFreeSlotSchema = z.object({
  branchId: Uuid,
  durationMinutes: z.number().int(),
  /** The days searched, in the branch's own calendar: `from` to `until`, both included. */
  from: z.string(),
  until: z.string(),
  /** The earliest free start in those days, or null when there is none. */
  slot: z
    .object({ date: z.string(), startsAt: z.string(), endsAt: z.string(), technicianIds: z.array(Uuid) })
    .nullable(),
});
export type NextFreeSlot = z.infer<typeof NextFreeSlotSchema>;

export const nextFreeSlot = defineMessage({
  pattern: 'bookings.next-free-slot',
  access: 'public',
  request: z.strictObject({ branchId: Uuid, serviceIds: IdList, from: CalendarDate.optional() }),
  response: NextFreeSlotSchema,
  http: {
    method: 'GET',
    path: '/api/availability/next',
    status: 200,
    tag: BOOKINGS_TAG,
    summary: `The earliest free start for the services at a branch, from \`from\` (default: today in the branch's time zone) up to ${NEXT_FREE_SLOT_DAYS} days on; \`slot\` is null when there is none. One request instead of one per day.`,
  },
});

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
      'Book a slot (customers: their own vehicle). Idempotency-Key: the same key from the same account within 24 h answers the first booking; with another body, 422. Slot taken: 409',
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

// --- service records ---------------------------------------------------------------------------

export const ServiceRecordSchema = z.object({
  id: Uuid,
  bookingId: Uuid,
  customerId: Uuid,
  vehicleId: Uuid,
  branchId: Uuid,
  technicianId: Uuid,
  services: z.array(
    z.object({ serviceId: Uuid, name: z.string(), laborCents: z.number().int(), partsCents: z.number().int() }),
  ),
  parts: z.array(z.object({ partSku: Sku, quantity: z.number().int() })),
  laborCents: z.number().int(),
  partsCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  mileage: z.number().int().nullable(),
  completedAt: z.string(),
});
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>;

export const listServiceRecords = defineMessage({
  pattern: 'bookings.records.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({ vehicleId: Uuid.optional(), branchId: Uuid.optional() }).strict(),
  response: pageOf(ServiceRecordSchema),
  http: {
    method: 'GET',
    path: '/api/services',
    status: 200,
    tag: BOOKINGS_TAG,
    summary: 'Work done (from completed bookings), newest first; ?vehicleId= is a vehicle’s history',
  },
});

export const myServiceRecords = defineMessage({
  pattern: 'bookings.records.mine',
  access: ['customer'],
  request: PageQuery.strict(),
  response: pageOf(ServiceRecordSchema),
  http: {
    method: 'GET',
    path: '/api/customer/my-services',
    status: 200,
    tag: BOOKINGS_TAG,
    summary: "My vehicles' service history",
  },
});

export const bookingsContracts = {
  listVehicles,
  createVehicle,
  getVehicle,
  updateVehicle,
  myVehicles,
  addMyVehicle,
  listTechnicians,
  createTechnician,
  updateTechnician,
  availability,
  nextFreeSlot,
  createBooking,
  listBookings,
  myBookings,
  getBooking,
  cancelBooking,
  setBookingStatus,
  listServiceRecords,
  myServiceRecords,
};
