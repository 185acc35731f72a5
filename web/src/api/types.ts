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
