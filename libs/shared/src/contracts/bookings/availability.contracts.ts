import { z } from 'zod';
import { defineMessage } from '../contract.js';
import { Uuid } from '../common.js';
import { BOOKINGS_TAG, CalendarDate, IdList } from './fields.js';

// Free start times at a branch, and the next free one.

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
