import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, Text, Uuid, pageOf } from './common.js';
import { DEFAULT_BOOKING_HORIZON_DAYS, MAX_BOOKING_HORIZON_DAYS } from '../rules/branch.js';

const ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
/** An IANA time zone name, as the branch's opening hours are read in it. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((v) => ZONES.has(v), 'an IANA time zone such as Europe/London');

const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day as HH:MM');
const DayHours = z
  .strictObject({ open: ClockTime, close: ClockTime })
  .refine((d) => d.open < d.close, 'a branch opens before it closes')
  .nullable();
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** Opening hours per weekday in the branch's own time zone; null = closed that day. */
export const OpeningHours = z.strictObject({
  monday: DayHours,
  tuesday: DayHours,
  wednesday: DayHours,
  thursday: DayHours,
  friday: DayHours,
  saturday: DayHours,
  sunday: DayHours,
});
export type OpeningHours = z.infer<typeof OpeningHours>;

const BranchFields = {
  name: Text(120),
  address: Text(300),
  timezone: TimeZone,
  openingHours: OpeningHours,
  bays: z.number().int().min(1).max(200),
  laborRateCents: z.number().int().min(0).max(100_000_000),
  taxRatePercent: z
    .number()
    .min(0)
    .max(100)
    .refine((v) => Number(v.toFixed(3)) === v, 'at most 3 decimals'),
  /** How many days ahead the branch takes bookings: a later start is refused, availability offers none. */
  bookingHorizonDays: z.number().int().min(1).max(MAX_BOOKING_HORIZON_DAYS),
  active: z.boolean(),
};

export const BranchSchema = z.object({ id: Uuid, ...BranchFields, currency: z.string() });
export type Branch = z.infer<typeof BranchSchema>;

export const listBranches = defineMessage({
  pattern: 'catalog.branches.list',
  access: 'public',
  request: PageQuery.extend({ includeInactive: z.enum(['true', 'false']).optional() }).strict(),
  response: pageOf(BranchSchema),
  http: {
    method: 'GET',
    path: '/api/branches',
    status: 200,
    tag: 'Branches',
    summary: 'Branches of the chain (active ones; admin and staff may ask for inactive ones too)',
  },
});

export const getBranch = defineMessage({
  pattern: 'catalog.branches.get',
  access: 'public',
  callers: ['bookings', 'inventory'],
  request: z.strictObject({ id: Uuid }),
  response: BranchSchema,
  http: {
    method: 'GET',
    path: '/api/branches/:id',
    status: 200,
    tag: 'Branches',
    summary: 'One branch',
  },
});

export const createBranch = defineMessage({
  pattern: 'catalog.branches.create',
  access: ['admin'],
  request: z.strictObject({
    ...BranchFields,
    bookingHorizonDays: BranchFields.bookingHorizonDays.default(DEFAULT_BOOKING_HORIZON_DAYS),
    active: BranchFields.active.default(true),
  }),
  response: BranchSchema,
  http: {
    method: 'POST',
    path: '/api/branches',
    status: 201,
    tag: 'Branches',
    summary: 'Open a branch (bookingHorizonDays: how far ahead it takes bookings, 1 to 365, default 90)',
  },
});

export const updateBranch = defineMessage({
  pattern: 'catalog.branches.update',
  access: ['admin'],
  request: z.strictObject({
    id: Uuid,
    name: BranchFields.name.optional(),
    address: BranchFields.address.optional(),
    timezone: BranchFields.timezone.optional(),
    openingHours: BranchFields.openingHours.optional(),
    bays: BranchFields.bays.optional(),
    laborRateCents: BranchFields.laborRateCents.optional(),
    taxRatePercent: BranchFields.taxRatePercent.optional(),
    bookingHorizonDays: BranchFields.bookingHorizonDays.optional(),
    active: BranchFields.active.optional(),
  }),
  response: BranchSchema,
  http: {
    method: 'PATCH',
    path: '/api/branches/:id',
    status: 200,
    tag: 'Branches',
    summary:
      'Change a branch (active: false closes it to the public; bookingHorizonDays: how far ahead it takes bookings, 1 to 365)',
  },
});

/** A part's stock-keeping unit, as inventory names it: upper-case letters, digits and dashes. */
export const Sku = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'a SKU: upper-case letters, digits and dashes, at most 40');

/** A part a service uses, by SKU and how many (a booking's parts are lines of the same shape). */
export const PartLineSchema = z.strictObject({ partSku: Sku, quantity: z.number().int().min(1).max(1000) });
export type PartLine = z.infer<typeof PartLineSchema>;
const ServiceFields = {
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'a code: upper-case letters, digits and dashes, 2 to 32'),
  name: Text(120),
  description: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => !v.includes('\u0000'), 'no NUL characters'),
  category: Text(60),
  durationMinutes: z.number().int().min(5).max(1440),
  laborHours: z
    .number()
    .min(0)
    .max(100)
    .refine((v) => Number(v.toFixed(2)) === v, 'at most 2 decimals'),
  parts: z
    .array(PartLineSchema)
    .max(50)
    .refine((lines) => new Set(lines.map((l) => l.partSku)).size === lines.length, 'each part once'),
  active: z.boolean(),
};

/** A service the garage sells (oil change, brake pads…); priceCents is its pre-tax price at a labour rate. */
export const ServiceOfferingSchema = z.object({ id: Uuid, ...ServiceFields, priceCents: z.number().int() });
export type ServiceOffering = z.infer<typeof ServiceOfferingSchema>;

const PriceAt = { branchId: Uuid.optional() };

export const listServices = defineMessage({
  pattern: 'catalog.services.list',
  access: 'public',
  callers: ['bookings'],
  request: PageQuery.extend({
    ...PriceAt,
    category: Text(60).optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
  }).strict(),
  response: pageOf(ServiceOfferingSchema),
  http: {
    method: 'GET',
    path: '/api/service-catalog',
    status: 200,
    tag: 'Service catalog',
    summary:
      "Services the chain sells, by name; priceCents at the chain's default labour rate or at ?branchId='s (admin and staff may ask for inactive ones too)",
  },
});

export const getService = defineMessage({
  pattern: 'catalog.services.get',
  access: 'public',
  request: z.strictObject({ id: Uuid, ...PriceAt }),
  response: ServiceOfferingSchema,
  http: {
    method: 'GET',
    path: '/api/service-catalog/:id',
    status: 200,
    tag: 'Service catalog',
    summary: 'One service of the catalog',
  },
});

export const createService = defineMessage({
  pattern: 'catalog.services.create',
  access: ['admin'],
  request: z.strictObject({
    ...ServiceFields,
    description: ServiceFields.description.default(''),
    parts: ServiceFields.parts.default([]),
    active: ServiceFields.active.default(true),
  }),
  response: ServiceOfferingSchema,
  http: {
    method: 'POST',
    path: '/api/service-catalog',
    status: 201,
    tag: 'Service catalog',
    summary: 'Add a service to the catalog (every part SKU must exist in inventory)',
  },
});

export const updateService = defineMessage({
  pattern: 'catalog.services.update',
  access: ['admin'],
  request: z.strictObject({
    id: Uuid,
    code: ServiceFields.code.optional(),
    name: ServiceFields.name.optional(),
    description: ServiceFields.description.optional(),
    category: ServiceFields.category.optional(),
    durationMinutes: ServiceFields.durationMinutes.optional(),
    laborHours: ServiceFields.laborHours.optional(),
    parts: ServiceFields.parts.optional(),
    active: ServiceFields.active.optional(),
  }),
  response: ServiceOfferingSchema,
  http: {
    method: 'PATCH',
    path: '/api/service-catalog/:id',
    status: 200,
    tag: 'Service catalog',
    summary: 'Change a service (active: false withdraws it from the public)',
  },
});

const CostLine = z.object({
  serviceId: Uuid,
  name: z.string(),
  laborCents: z.number().int(),
  partsCents: z.number().int(),
  totalCents: z.number().int(),
});
export const CostEstimateSchema = z.object({
  lines: z.array(CostLine),
  laborCents: z.number().int(),
  partsCents: z.number().int(),
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string(),
});
export type CostEstimate = z.infer<typeof CostEstimateSchema>;

export const calculateCost = defineMessage({
  pattern: 'catalog.cost.calculate',
  access: 'public',
  request: z.strictObject({
    branchId: Uuid,
    serviceIds: z
      .array(Uuid)
      .min(1)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'each service once'),
    /** Accepted for clients of the original; every vehicle is priced the same today. */
    vehicleId: Uuid.optional(),
  }),
  response: CostEstimateSchema,
  http: {
    method: 'POST',
    path: '/api/cost-calculator',
    status: 200,
    tag: 'Service catalog',
    summary:
      "Price services at a branch: labour = round(laborHours × the branch's rate), parts at today's prices, tax = round(subtotal × taxRatePercent / 100), all in cents",
  },
});

export const catalogContracts = {
  listBranches,
  getBranch,
  createBranch,
  updateBranch,
  listServices,
  getService,
  createService,
  updateService,
  calculateCost,
};

/** Internal (no HTTP): what bookings freezes into a booking: the estimate, the duration and the parts. */
/** What a booking freezes: the estimate, how long the work takes and which parts it uses. */
export const QuoteSchema = z.object({
  estimate: CostEstimateSchema,
  /** Sum of the services' durations. */
  durationMinutes: z.number().int(),
  /** Every part of every service, one line per SKU (quantities summed, so not capped like a service's). */
  parts: z.array(z.object({ partSku: Sku, quantity: z.number().int() })),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const quote = defineMessage({
  pattern: 'catalog.quote',
  access: 'public',
  callers: ['bookings'],
  request: calculateCost.request,
  response: QuoteSchema,
});
