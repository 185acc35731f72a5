import type { operations } from './schema';

// Names for the shapes the pages use, taken from the generated operations (never written by hand).
type Ok<O extends keyof operations> = operations[O] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;
type Item<O extends keyof operations> = Ok<O> extends { items: (infer I)[] } ? I : never;

export type Branch = Item<'catalog.branches.list'>;
export type ServiceOffering = Item<'catalog.services.list'>;
export type CostEstimate = Ok<'catalog.cost.calculate'>;
export type Availability = Ok<'bookings.availability'>;
export type Slot = Availability['slots'][number];
export type Booking = Ok<'bookings.get'>;
export type Vehicle = Ok<'bookings.vehicles.get'>;
export type BookingStatus = Booking['status'];

// The customer portal's names (same derivation).
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Customer = Ok<'auth.customer-login'>['customer'];
export type Registration = Body<'auth.customer-register'>;
export type PasswordChange = Body<'auth.change-password'>;
export type NewVehicle = Body<'bookings.vehicles.add-mine'>;
export type VehicleChanges = Omit<Body<'bookings.vehicles.update'>, 'id'>;
export type NewBooking = Body<'bookings.create'>;
export type ServiceRecord = Item<'bookings.records.mine'>;
export type PartsStatus = Booking['partsStatus'];
export type OpeningHours = Branch['openingHours'];
