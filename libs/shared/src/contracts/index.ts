export * from './contract.js';
export * from './common.js';
export * as auth from './auth.contracts.js';
export {
  UserSchema,
  CustomerSchema,
  MeSchema,
  PasswordPolicySchema,
  type User,
  type Customer,
  type PasswordPolicy,
} from './auth.contracts.js';
export * from './health.contracts.js';
export * as audit from './audit.contracts.js';
export {
  AUDIT_ACTIONS,
  AuditRecordSchema,
  AuditEntrySchema,
  type AuditAction,
  type AuditRecord,
  type AuditEntry,
} from './audit.contracts.js';
export * as catalog from './catalog.contracts.js';
export { BranchSchema, OpeningHours, TimeZone, WEEKDAYS, type Branch } from './catalog.contracts.js';
export {
  ServiceOfferingSchema,
  CostEstimateSchema,
  PartLineSchema,
  QuoteSchema,
  Sku,
  type ServiceOffering,
  type CostEstimate,
  type PartLine,
  type Quote,
} from './catalog.contracts.js';
export * as inventory from './inventory.contracts.js';
export {
  PartSchema,
  StockLevelSchema,
  StockMovementSchema,
  PartPriceSchema,
  ReservationSchema,
  type Part,
  type StockLevel,
  type StockMovement,
  type PartPrice,
  type Reservation,
} from './inventory.contracts.js';
export * as bookings from './bookings.contracts.js';
export {
  VehicleSchema,
  VehicleClaimSchema,
  TechnicianSchema,
  BookingSchema,
  AvailabilitySchema,
  ServiceRecordSchema,
  NextFreeSlotSchema,
  BOOKING_STATUSES,
  NEXT_FREE_SLOT_DAYS,
  type NextFreeSlot,
  type Vehicle,
  type VehicleClaim,
  type VehicleStatus,
  type Technician,
  type Booking,
  type BookingStatus,
  type Availability,
  type ServiceRecord,
} from './bookings.contracts.js';
export * as gateway from './gateway.contracts.js';
export { CustomerSummarySchema, DashboardSchema, type CustomerSummary, type Dashboard } from './gateway.contracts.js';
export * from './events.contracts.js';
export * from './dead-letters.contracts.js';
