import { z } from 'zod';
import { defineMessage } from '../contract.js';
import { PageQuery, Uuid, pageOf } from '../common.js';
import { VEHICLES_TAG } from './fields.js';
import { VehicleSchema } from './vehicles.contracts.js';

// Claims: a customer added a car whose VIN is registered to another customer. Staff decide whose
// it is: move the registered car (with its bookings and service history) to the claimant, or reject.

/** A pending claim: the claimant's car (status claim_pending) and the car registered with that VIN. */
export const VehicleClaimSchema = z.object({
  claim: VehicleSchema,
  /** The active vehicle with the VIN, its owner and their details; null if none is registered any more. */
  registered: VehicleSchema.nullable(),
});
export type VehicleClaim = z.infer<typeof VehicleClaimSchema>;

export const listVehicleClaims = defineMessage({
  pattern: 'bookings.vehicle-claims.list',
  access: ['admin', 'staff'],
  request: PageQuery.strict(),
  response: pageOf(VehicleClaimSchema),
  http: {
    method: 'GET',
    path: '/api/vehicle-claims',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'Pending VIN claims, oldest first: each claimant’s car beside the car registered with that VIN',
  },
});

export const approveVehicleClaim = defineMessage({
  pattern: 'bookings.vehicle-claims.approve',
  access: ['admin', 'staff'],
  request: z.strictObject({ id: Uuid }),
  response: VehicleSchema,
  http: {
    method: 'POST',
    path: '/api/vehicle-claims/:id/approve',
    status: 200,
    tag: VEHICLES_TAG,
    summary:
      'The claimant is the owner: the registered car moves to them with its bookings and service records (the claim itself goes). Answers the moved car. 409 while the car has upcoming bookings of its current owner (cancel them first) or when the claim is already decided',
  },
});

export const rejectVehicleClaim = defineMessage({
  pattern: 'bookings.vehicle-claims.reject',
  access: ['admin', 'staff'],
  request: z.strictObject({ id: Uuid }),
  response: VehicleSchema,
  http: {
    method: 'POST',
    path: '/api/vehicle-claims/:id/reject',
    status: 200,
    tag: VEHICLES_TAG,
    summary:
      'The car is not the claimant’s: the claim becomes claim_rejected (they still see it, never bookable). 409 when already decided',
  },
});
