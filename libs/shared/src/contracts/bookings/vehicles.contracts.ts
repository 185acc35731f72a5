import { z } from 'zod';
import { defineMessage } from '../contract.js';
import { PageQuery, Text, Uuid, UuidList, pageOf } from '../common.js';
import { MAX_MILEAGE, PLATE_MESSAGE, PLATE_PATTERN, VIN_MESSAGE, VIN_PATTERN } from '../../rules/vehicle.js';
import { VEHICLES_TAG } from './fields.js';

// Vehicles: a customer's cars, and staff registering them at the desk.

/** A VIN: 17 characters, letters and digits without I, O and Q; upper-cased. */
export const Vin = z.string().trim().toUpperCase().regex(VIN_PATTERN, VIN_MESSAGE);

/** A reading of the odometer. */
export const Mileage = z.number().int().min(0).max(MAX_MILEAGE);

const VehicleFields = {
  vin: Vin,
  plate: z.string().trim().toUpperCase().regex(PLATE_PATTERN, PLATE_MESSAGE),
  make: Text(40),
  model: Text(60),
  year: z
    .number()
    .int()
    .min(1900)
    .max(new Date().getUTCFullYear() + 1),
  /** The odometer reading; null until the owner or a completed job gives one. */
  mileage: Mileage.nullable(),
};

/**
 * active: the customer's car, bookable. claim_pending: the VIN is registered to another customer;
 * staff are checking whose it is and it cannot be booked meanwhile. claim_rejected: staff decided
 * the car is not this customer's.
 */
export const VehicleStatus = z.enum(['active', 'claim_pending', 'claim_rejected']);
export type VehicleStatus = z.infer<typeof VehicleStatus>;

export const VehicleSchema = z.object({
  id: Uuid,
  customerId: Uuid,
  ...VehicleFields,
  status: VehicleStatus,
  createdAt: z.string(),
});

/**
 * The answer to a customer adding a car: what they sent, with its id. It leaves the status out, so
 * it is the same whether the VIN was new or already someone else's (then a claim); the list says.
 */
export const AddedVehicleSchema = VehicleSchema.omit({ status: true });

/** A new vehicle's fields: the mileage may be left out (or null) when the owner does not know it. */
const NewVehicleFields = { ...VehicleFields, mileage: Mileage.nullable().optional() };
export type Vehicle = z.infer<typeof VehicleSchema>;

export const listVehicles = defineMessage({
  pattern: 'bookings.vehicles.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({ customerId: Uuid.optional(), q: Text(40).optional(), ids: UuidList.optional() }).strict(),
  response: pageOf(VehicleSchema),
  http: {
    method: 'GET',
    path: '/api/vehicles',
    status: 200,
    tag: VEHICLES_TAG,
    summary:
      'Vehicles of every customer, claims included (?customerId=, ?q= VIN or plate prefix, ?ids= up to 100 ids, comma-separated)',
  },
});

export const createVehicle = defineMessage({
  pattern: 'bookings.vehicles.create',
  access: ['admin', 'staff'],
  request: z.strictObject({ customerId: Uuid, ...NewVehicleFields }),
  response: VehicleSchema,
  http: {
    method: 'POST',
    path: '/api/vehicles',
    status: 201,
    tag: VEHICLES_TAG,
    summary:
      "Register a customer's vehicle (a VIN belongs to one active vehicle: 409 if registered; a dispute is a customer's claim, GET /api/vehicle-claims)",
  },
});

export const getVehicle = defineMessage({
  pattern: 'bookings.vehicles.get',
  access: 'signed-in',
  request: z.strictObject({ id: Uuid }),
  response: VehicleSchema,
  http: {
    method: 'GET',
    path: '/api/vehicles/:id',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'One vehicle (customers: their own only; another one is 404)',
  },
});

export const updateVehicle = defineMessage({
  pattern: 'bookings.vehicles.update',
  access: 'signed-in',
  request: z.strictObject({
    id: Uuid,
    plate: VehicleFields.plate.optional(),
    make: VehicleFields.make.optional(),
    model: VehicleFields.model.optional(),
    year: VehicleFields.year.optional(),
    mileage: Mileage.optional(),
  }),
  response: VehicleSchema,
  http: {
    method: 'PATCH',
    path: '/api/vehicles/:id',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'Change plate, make, model, year or mileage (customers: their own only)',
  },
});

export const myVehicles = defineMessage({
  pattern: 'bookings.vehicles.mine',
  access: ['customer'],
  request: PageQuery.strict(),
  response: pageOf(VehicleSchema),
  http: {
    method: 'GET',
    path: '/api/customer/my-vehicles',
    status: 200,
    tag: VEHICLES_TAG,
    summary: 'My vehicles, with their status (a claim_pending one cannot be booked until staff have checked it)',
  },
});

export const addMyVehicle = defineMessage({
  pattern: 'bookings.vehicles.add-mine',
  access: ['customer'],
  request: z.strictObject(NewVehicleFields),
  response: AddedVehicleSchema,
  http: {
    method: 'POST',
    path: '/api/customer/my-vehicles',
    status: 201,
    tag: VEHICLES_TAG,
    summary:
      'Add my vehicle. A VIN already registered to another customer gets the same 201 (nothing tells whose it is): the car is added as a claim (status claim_pending in my list), not bookable until staff decide whose it is. A VIN already among my cars: 409',
  },
});
