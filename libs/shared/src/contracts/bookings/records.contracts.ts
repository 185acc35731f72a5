import { z } from 'zod';
import { defineMessage } from '../contract.js';
import { PageQuery, Uuid, pageOf } from '../common.js';
import { Sku } from '../catalog.contracts.js';
import { BOOKINGS_TAG } from './fields.js';

// Service records: the finished jobs, a car's history.

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
