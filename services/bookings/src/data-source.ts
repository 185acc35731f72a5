import { DataSource } from 'typeorm';
import { IndexDashboardCounts1765100000000 } from './migrations/1765100000000-index-dashboard-counts.js';
import { VehicleMileageOptional1766000000000 } from './migrations/1766000000000-vehicle-mileage-optional.js';
import { CreateBookingsSchema1765000000000 } from './migrations/1765000000000-create-bookings-schema.js';
import { OneCarOneBookingAtATime1767100000000 } from './migrations/1767100000000-one-car-one-booking-at-a-time.js';
import { BookingsMadeBy1767200000000 } from './migrations/1767200000000-bookings-made-by.js';
import { VehicleOwnershipClaims1767400000000 } from './migrations/1767400000000-vehicle-ownership-claims.js';
import { OutboxTraceparent1767600000000 } from './migrations/1767600000000-outbox-traceparent.js';

/** The bookings service's DataSource: its own schema, its own migrations table, never `synchronize`. */
export function createBookingsDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    migrations: [
      CreateBookingsSchema1765000000000,
      IndexDashboardCounts1765100000000,
      VehicleMileageOptional1766000000000,
      OneCarOneBookingAtATime1767100000000,
      BookingsMadeBy1767200000000,
      VehicleOwnershipClaims1767400000000,
      OutboxTraceparent1767600000000,
    ],
    migrationsTableName: 'bookings_migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'garage-bookings' },
  });
}
