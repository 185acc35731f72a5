import type { DataSource } from 'typeorm';
import { createAuthDataSource } from '@garage/auth/dist/data-source.js';
import { createCatalogDataSource } from '@garage/catalog/dist/data-source.js';
import { createInventoryDataSource } from '@garage/inventory/dist/data-source.js';
import { createBookingsDataSource } from '@garage/bookings/dist/data-source.js';

export interface ServiceEntry {
  /** Folder under services/ and the service's NATS name. */
  name: string;
  /** HEALTH_PORT that `npm start` gives it unless `<NAME>_HEALTH_PORT` says otherwise. */
  healthPort: number;
  /** Its DataSource (own schema, own migrations), for `npm run migrate` and the tests' global setup. */
  dataSource(url: string): DataSource;
}

/** The services behind the gateway, in start order. Adding a service starts with a line here. */
export const SERVICES: ServiceEntry[] = [
  { name: 'auth', healthPort: 3001, dataSource: (url) => createAuthDataSource(url, 2) },
  // Before catalog: catalog reads part prices from inventory when it starts.
  { name: 'inventory', healthPort: 3004, dataSource: (url) => createInventoryDataSource(url, 2) },
  { name: 'catalog', healthPort: 3002, dataSource: (url) => createCatalogDataSource(url, 2) },
  { name: 'bookings', healthPort: 3003, dataSource: (url) => createBookingsDataSource(url, 2) },
];
