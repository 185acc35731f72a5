import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, Text, Uuid, pageOf } from './common.js';
import { Sku } from './catalog.contracts.js';

const Cents = z.number().int().min(0).max(100_000_000);
const Quantity = z.number().int().min(1).max(1_000_000);

const PartFields = {
  sku: Sku,
  name: Text(120),
  unitPriceCents: Cents,
  reorderLevel: z.number().int().min(0).max(1_000_000),
};

/** A part the chain stocks, priced per unit. */
export const PartSchema = z.object({ id: Uuid, ...PartFields });
export type Part = z.infer<typeof PartSchema>;

/** A part's stock at one branch: available = onHand - reserved; lowStock when available ≤ reorderLevel. */
export const StockLevelSchema = z.object({
  id: Uuid,
  sku: Sku,
  name: z.string(),
  unitPriceCents: z.number().int(),
  branchId: Uuid,
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  reorderLevel: z.number().int(),
  lowStock: z.boolean(),
});
export type StockLevel = z.infer<typeof StockLevelSchema>;

export const MOVEMENT_KINDS = [
  'receive',
  'adjust',
  'transfer-in',
  'transfer-out',
  'reserve',
  'release',
  'consume',
] as const;
export const MovementKind = z.enum(MOVEMENT_KINDS);

/** One row of the append-only stock ledger: what changed, by how much, who did it and why. */
export const StockMovementSchema = z.object({
  id: Uuid,
  partId: Uuid,
  branchId: Uuid,
  kind: MovementKind,
  /** Change of on-hand stock: a branch's deltas sum to its onHand. */
  delta: z.number().int(),
  /** Change of reserved stock (reserve +, release and consume −): a branch's sum to its reserved. */
  reservedDelta: z.number().int(),
  reason: z.string(),
  bookingId: Uuid.nullable(),
  actor: z.object({ kind: z.enum(['user', 'customer', 'system']), id: z.string() }),
  at: z.string(),
});
export type StockMovement = z.infer<typeof StockMovementSchema>;

export const listParts = defineMessage({
  pattern: 'inventory.parts.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({
    branchId: Uuid.optional(),
    lowStock: z.enum(['true', 'false']).optional(),
    q: z.string().trim().min(1).max(100).optional(),
  }).strict(),
  response: pageOf(StockLevelSchema),
  http: {
    method: 'GET',
    path: '/api/parts',
    status: 200,
    tag: 'Inventory',
    summary:
      "Parts with their stock per branch, by SKU: ?branchId= one branch (default: staff's own branches, admin every branch), ?lowStock=true, ?q= SKU or name",
  },
});

export const getPart = defineMessage({
  pattern: 'inventory.parts.get',
  access: ['admin', 'staff'],
  request: z.strictObject({ id: Uuid }),
  response: PartSchema,
  http: {
    method: 'GET',
    path: '/api/parts/:id',
    status: 200,
    tag: 'Inventory',
    summary: 'One part',
  },
});

export const createPart = defineMessage({
  pattern: 'inventory.parts.create',
  access: ['admin'],
  request: z.strictObject({ ...PartFields, reorderLevel: PartFields.reorderLevel.default(0) }),
  response: PartSchema,
  http: {
    method: 'POST',
    path: '/api/parts',
    status: 201,
    tag: 'Inventory',
    summary: 'Add a part (SKUs are unique)',
  },
});

export const updatePart = defineMessage({
  pattern: 'inventory.parts.update',
  access: ['admin'],
  request: z.strictObject({
    id: Uuid,
    name: PartFields.name.optional(),
    unitPriceCents: PartFields.unitPriceCents.optional(),
    reorderLevel: PartFields.reorderLevel.optional(),
  }),
  response: PartSchema,
  http: {
    method: 'PATCH',
    path: '/api/parts/:id',
    status: 200,
    tag: 'Inventory',
    summary: 'Change a part (a new price reaches the catalog as part.price_changed)',
  },
});

export const adjustStock = defineMessage({
  pattern: 'inventory.stock.adjust',
  access: ['admin', 'staff'],
  request: z.strictObject({
    id: Uuid,
    branchId: Uuid,
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((d) => d !== 0, 'not zero'),
    reason: Text(300),
    /** receive: a delivery (delta > 0); adjust: a count, damage, a correction. */
    kind: z.enum(['receive', 'adjust']).default('adjust'),
  }),
  response: StockLevelSchema,
  http: {
    method: 'POST',
    path: '/api/parts/:id/adjust',
    status: 200,
    tag: 'Inventory',
    summary: 'Receive or adjust stock at a branch (staff: their branches); never below what is reserved or zero (409)',
  },
});

export const transferStock = defineMessage({
  pattern: 'inventory.stock.transfer',
  access: ['admin', 'staff'],
  request: z
    .strictObject({ id: Uuid, fromBranchId: Uuid, toBranchId: Uuid, quantity: Quantity, reason: Text(300) })
    .refine((t) => t.fromBranchId !== t.toBranchId, { message: 'another branch', path: ['toBranchId'] }),
  response: z.object({ from: StockLevelSchema, to: StockLevelSchema }),
  http: {
    method: 'POST',
    path: '/api/parts/:id/transfer',
    status: 200,
    tag: 'Inventory',
    summary:
      'Move stock between branches in one transaction (staff: from their branches); never more than is available (409)',
  },
});

export const partMovements = defineMessage({
  pattern: 'inventory.stock.movements',
  access: ['admin', 'staff'],
  request: PageQuery.extend({ id: Uuid, branchId: Uuid.optional() }).strict(),
  response: pageOf(StockMovementSchema),
  http: {
    method: 'GET',
    path: '/api/parts/:id/movements',
    status: 200,
    tag: 'Inventory',
    summary: "The part's stock ledger, newest first (?branchId= one branch)",
  },
});

export const partStock = defineMessage({
  pattern: 'inventory.stock.by-part',
  access: ['admin', 'staff'],
  request: z.strictObject({ id: Uuid }),
  response: z.object({ part: PartSchema, items: z.array(StockLevelSchema) }),
  http: {
    method: 'GET',
    path: '/api/parts/:id/stock',
    status: 200,
    tag: 'Inventory',
    summary: 'The part at every branch of the chain, so a branch that is out can see who has it',
  },
});

export const PartPriceSchema = z.object({
  partId: Uuid,
  sku: Sku,
  unitPriceCents: z.number().int(),
  /** Grows with every price change, so a reader keeps the newest whatever order news arrives in. */
  priceVersion: z.number().int(),
});
export type PartPrice = z.infer<typeof PartPriceSchema>;

/** Internal (no HTTP): prices of the named SKUs, or a page of every price in SKU order. */
export const partPrices = defineMessage({
  pattern: 'inventory.parts.prices',
  access: 'public',
  callers: ['catalog'],
  request: z.strictObject({
    skus: z.array(Sku).min(1).max(200).optional(),
    afterSku: Sku.optional(),
    limit: z.number().int().min(1).max(1000).default(1000),
  }),
  response: z.object({ items: z.array(PartPriceSchema), nextAfterSku: Sku.nullable() }),
});

export const ReservationSchema = z.object({
  bookingId: Uuid,
  branchId: Uuid,
  /** reserved: every line held; short: nothing held, `shortages` says what is missing. */
  status: z.enum(['reserved', 'short', 'released', 'consumed']),
  lines: z.array(z.object({ partSku: Sku, quantity: z.number().int() })),
  shortages: z.array(z.object({ partSku: Sku, needed: z.number().int(), available: z.number().int() })),
});
export type Reservation = z.infer<typeof ReservationSchema>;

/** Internal: the inventory service's part of the dashboard: stock rows at or below their reorder level. */
export const dashboard = defineMessage({
  pattern: 'inventory.dashboard',
  access: ['admin', 'staff'],
  callers: ['gateway'],
  request: z.strictObject({ branchId: Uuid.optional() }),
  response: z.object({ lowStockParts: z.number().int() }),
});

/** Event data of `part.price_changed` (also sent when a part is created). */
export const PartPriceChangedSchema = PartPriceSchema;

export const inventoryContracts = {
  listParts,
  getPart,
  createPart,
  updatePart,
  adjustStock,
  transferStock,
  partMovements,
  partStock,
};
export const inventoryInternalContracts = { partPrices };
