import { z } from 'zod';
import { Uuid } from './common.js';
import { Sku } from './catalog.contracts.js';
import { PartPriceSchema } from './inventory.contracts.js';
import { AuditRecordSchema } from './audit.contracts.js';
import type { ServiceName } from './health.contracts.js';

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
  /** An audit entry of each service that changes things (the auth service keeps the log). */
  'audit.catalog': AuditRecordSchema,
  'audit.inventory': AuditRecordSchema,
  'audit.bookings': AuditRecordSchema,
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;

/** The service whose outbox writes each event type: the only one allowed to publish it. */
export const EVENT_PUBLISHERS = {
  'part.price_changed': 'inventory',
  'booking.created': 'bookings',
  'booking.cancelled': 'bookings',
  'booking.no_show': 'bookings',
  'booking.completed': 'bookings',
  'inventory.parts_reserved': 'inventory',
  'inventory.shortage': 'inventory',
  'audit.catalog': 'catalog',
  'audit.inventory': 'inventory',
  'audit.bookings': 'bookings',
} as const satisfies Record<EventType, ServiceName>;

/** A durable JetStream consumer: which service runs it, its name, and the event types it reads. */
export interface EventSubscription {
  service: ServiceName;
  durable: string;
  /** An event type, or a `booking.>` style wildcard. */
  type: string;
}

/** Every durable consumer of the system (each service's start-up uses its own entry). */
export const EVENT_SUBSCRIPTIONS = {
  catalogPartPrices: { service: 'catalog', durable: 'catalog-part-prices', type: 'part.price_changed' },
  // booking.created / .cancelled / .no_show / .completed (others under booking.> are acked unread).
  inventoryBookings: { service: 'inventory', durable: 'inventory-bookings', type: 'booking.>' },
  bookingsPartsStatus: { service: 'bookings', durable: 'bookings-parts-status', type: 'inventory.>' },
  authAudit: { service: 'auth', durable: 'auth-audit', type: 'audit.>' },
} as const satisfies Record<string, EventSubscription>;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;
