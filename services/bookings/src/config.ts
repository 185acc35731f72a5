import { z } from 'zod';
import { serviceEnvSchema, type ServiceConfig } from '@garage/shared';

export const bookingsEnvSchema = serviceEnvSchema(3003).extend({
  /** The booking grid: start times are this many minutes apart from the branch's opening time. */
  SLOT_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
  /** Upcoming bookings a customer may hold that they made themselves (bookings made by staff do not count). */
  LIVE_BOOKINGS_PER_CUSTOMER: z.coerce.number().int().min(1).max(1000).default(5),
  /** Booking attempts a customer may make per window (refused ones count too); then 429 until it ends. */
  BOOKING_ATTEMPTS_PER_CUSTOMER: z.coerce.number().int().min(1).max(100_000).default(10),
  BOOKING_ATTEMPTS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
});

export type BookingsConfig = z.infer<typeof bookingsEnvSchema> & ServiceConfig;
