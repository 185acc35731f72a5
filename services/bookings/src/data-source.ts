import { DataSource } from 'typeorm';

/** The bookings service's DataSource: its own schema, its own migrations table, never `synchronize`. */
export function createBookingsDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    migrations: [],
    migrationsTableName: 'bookings_migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'garage-bookings' },
  });
}
