import { z } from 'zod';
import { Uuid } from '../common.js';

// What the bookings service's contracts share: their OpenAPI tags and the date, instant and id-list fields.

export const BOOKINGS_TAG = 'Bookings';
export const VEHICLES_TAG = 'Vehicles';

export const CalendarDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');
export const Instant = z.iso.datetime({ offset: true });
/** Ids as `a,b,c` (a query string) or as a list (a payload another service re-sends). */
export const IdList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v),
  z.array(Uuid).min(1).max(20),
);
