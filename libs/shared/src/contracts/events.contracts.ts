import { z } from 'zod';
import { Uuid } from './common.js';
import { Sku } from './catalog.contracts.js';
import { PartPriceSchema } from './inventory.contracts.js';

/**
 * Facts one service tells the others through its outbox and JetStream (ARCHITECTURE.md "Events
 * between services"). The event's `type` is the key; `data` has the schema here. Consumers parse
 * `data` with it and must be idempotent (the same event may arrive twice).
 */
const PartLines = z.array(z.object({ partSku: Sku, quantity: z.number().int().min(1) }));

export const EVENT_SCHEMAS = {
  /** Inventory: a part was created or its price changed (catalog keeps its price copy). */
  'part.price_changed': PartPriceSchema,
  /** Bookings: a booking was made; inventory reserves its parts at that branch. */
  'booking.created': z.object({ bookingId: Uuid, branchId: Uuid, startsAt: z.string(), lines: PartLines }),
  /** Bookings: cancelled; inventory releases its parts. */
  'booking.cancelled': z.object({ bookingId: Uuid, branchId: Uuid }),
  /** Bookings: the customer did not come; inventory releases its parts. */
  'booking.no_show': z.object({ bookingId: Uuid, branchId: Uuid }),
  /** Bookings: the job is done; inventory consumes the reserved parts (they leave the shelf). */
  'booking.completed': z.object({ bookingId: Uuid, branchId: Uuid }),
  /** Inventory: every part of the booking is held (at once, or later when stock arrived). */
  'inventory.parts_reserved': z.object({ bookingId: Uuid, branchId: Uuid }),
  /** Inventory: the booking's parts could not all be held; bookings shows partsStatus awaiting_parts. */
  'inventory.shortage': z.object({
    bookingId: Uuid,
    branchId: Uuid,
    shortages: z.array(z.object({ partSku: Sku, needed: z.number().int(), available: z.number().int() })),
  }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;
