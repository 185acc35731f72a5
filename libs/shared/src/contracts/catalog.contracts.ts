import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, Uuid, pageOf } from './common.js';

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

const Text = (max: number) => z.string().trim().min(1).max(max);
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
    .refine((v) => Math.round(v * 1000) === v * 1000, 'at most 3 decimals'),
  active: z.boolean(),
};

export const BranchSchema = z.object({ id: Uuid, ...BranchFields, currency: z.string() });
export type Branch = z.infer<typeof BranchSchema>;

export const listBranches = defineMessage({
  pattern: 'catalog.branches.list',
  request: PageQuery.extend({ includeInactive: z.enum(['true', 'false']).optional() }).strict(),
  response: pageOf(BranchSchema),
  http: {
    method: 'GET',
    path: '/api/branches',
    status: 200,
    access: 'public',
    tag: 'Branches',
    summary: 'Branches of the chain (active ones; admin and staff may ask for inactive ones too)',
  },
});

export const getBranch = defineMessage({
  pattern: 'catalog.branches.get',
  request: z.strictObject({ id: Uuid }),
  response: BranchSchema,
  http: {
    method: 'GET',
    path: '/api/branches/:id',
    status: 200,
    access: 'public',
    tag: 'Branches',
    summary: 'One branch',
  },
});

export const createBranch = defineMessage({
  pattern: 'catalog.branches.create',
  request: z.strictObject({ ...BranchFields, active: BranchFields.active.default(true) }),
  response: BranchSchema,
  http: {
    method: 'POST',
    path: '/api/branches',
    status: 201,
    access: ['admin'],
    tag: 'Branches',
    summary: 'Open a branch',
  },
});

export const updateBranch = defineMessage({
  pattern: 'catalog.branches.update',
  request: z.strictObject({
    id: Uuid,
    name: BranchFields.name.optional(),
    address: BranchFields.address.optional(),
    timezone: BranchFields.timezone.optional(),
    openingHours: BranchFields.openingHours.optional(),
    bays: BranchFields.bays.optional(),
    laborRateCents: BranchFields.laborRateCents.optional(),
    taxRatePercent: BranchFields.taxRatePercent.optional(),
    active: BranchFields.active.optional(),
  }),
  response: BranchSchema,
  http: {
    method: 'PATCH',
    path: '/api/branches/:id',
    status: 200,
    access: ['admin'],
    tag: 'Branches',
    summary: 'Change a branch (active: false closes it to the public)',
  },
});

export const catalogContracts = { listBranches, getBranch, createBranch, updateBranch };
