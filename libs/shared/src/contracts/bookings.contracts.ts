// The bookings service's messages, one concept per file; `bookings.<name>` reaches any of them.
export * from './bookings/vehicles.contracts.js';
export * from './bookings/vehicle-claims.contracts.js';
export * from './bookings/technicians.contracts.js';
export * from './bookings/availability.contracts.js';
export * from './bookings/bookings.contracts.js';
export * from './bookings/records.contracts.js';
export * from './bookings/dashboard.contracts.js';
import {
  addMyVehicle,
  createVehicle,
  getVehicle,
  listVehicles,
  myVehicles,
  updateVehicle,
} from './bookings/vehicles.contracts.js';
import { approveVehicleClaim, listVehicleClaims, rejectVehicleClaim } from './bookings/vehicle-claims.contracts.js';
import { createTechnician, listTechnicians, updateTechnician } from './bookings/technicians.contracts.js';
import { availability, nextFreeSlot } from './bookings/availability.contracts.js';
import {
  cancelBooking,
  createBooking,
  getBooking,
  listBookings,
  myBookings,
  setBookingStatus,
} from './bookings/bookings.contracts.js';
import { listServiceRecords, myServiceRecords } from './bookings/records.contracts.js';

export const bookingsContracts = {
  listVehicles,
  createVehicle,
  getVehicle,
  updateVehicle,
  myVehicles,
  addMyVehicle,
  listVehicleClaims,
  approveVehicleClaim,
  rejectVehicleClaim,
  listTechnicians,
  createTechnician,
  updateTechnician,
  availability,
  nextFreeSlot,
  createBooking,
  listBookings,
  myBookings,
  getBooking,
  cancelBooking,
  setBookingStatus,
  listServiceRecords,
  myServiceRecords,
};
