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
/** The earliest free start at a branch (GET /api/availability/next), with its date in the branch's calendar. */
export type NextFreeSlot = NonNullable<Ok<'bookings.next-free-slot'>['slot']>;
export type Booking = Ok<'bookings.get'>;
export type Vehicle = Ok<'bookings.vehicles.get'>;
/** What adding a car answers: no status, so it looks the same whether the VIN was new or a claim. */
export type AddedVehicle = Ok<'bookings.vehicles.add-mine'>;
export type VehicleClaim = Ok<'bookings.vehicle-claims.list'>['items'][number];
export type BookingStatus = Booking['status'];

type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type Page<T> = { items: T[]; nextCursor: string | null };

// The customer portal's names.
export type Customer = Ok<'auth.customer-login'>['customer'];
export type Registration = Body<'auth.customer-register'>;
export type PasswordChange = Body<'auth.change-password'>;
export type NewVehicle = Body<'bookings.vehicles.add-mine'>;
export type VehicleChanges = Omit<Body<'bookings.vehicles.update'>, 'id'>;
export type NewBooking = Body<'bookings.create'>;
export type ServiceRecord = Item<'bookings.records.list'>;
export type PartsStatus = Booking['partsStatus'];
export type OpeningHours = Branch['openingHours'];

// The staff console's names.
export type BookingListItem = Item<'bookings.list'>;
export type BookingListQuery = NonNullable<operations['bookings.list']['parameters']['query']>;
export type CustomerSummary = Item<'gateway.customers.list'>;
export type AccountStatus = CustomerSummary['status'];
export type StockLevel = Item<'inventory.parts.list'>;
export type Part = Ok<'inventory.parts.get'>;
export type PartInput = Body<'inventory.parts.create'>;
export type PartUpdate = Body<'inventory.parts.update'>;
export type StockByPart = Ok<'inventory.stock.by-part'>;
export type StockMovement = Item<'inventory.stock.movements'>;
export type StockAdjustment = Body<'inventory.stock.adjust'>;
export type StockTransfer = Body<'inventory.stock.transfer'>;
export type Technician = Item<'bookings.technicians.list'>;
export type TechnicianInput = Body<'bookings.technicians.create'>;
export type TechnicianUpdate = Body<'bookings.technicians.update'>;
export type StaffAccount = Item<'auth.users.list'>;
export type StaffAccountInput = Body<'auth.users.create'>;
export type StaffAccountUpdate = Body<'auth.users.update'>;
export type DeadLetter = Item<'gateway.dead-letters.list'>;
export type DeadLetterQuery = NonNullable<operations['gateway.dead-letters.list']['parameters']['query']>;
export type Replayed = Ok<'gateway.dead-letters.replay'>;
export type StaffRole = StaffAccount['role'];
export type Dashboard = Ok<'gateway.dashboard'>;
export type ServiceInput = Body<'catalog.services.create'>;
export type ServiceUpdate = Body<'catalog.services.update'>;
export type BranchInput = Body<'catalog.branches.create'>;
export type BranchUpdate = Body<'catalog.branches.update'>;
