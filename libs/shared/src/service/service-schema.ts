import type { ServiceName } from '../contracts/health.contracts.js';

/**
 * The PostgreSQL schema each service owns (its tables, and its outbox when it publishes events).
 * Written here only: startService's outbox relay and purge, and appendEvent, take it from here.
 */
export const SERVICE_SCHEMAS = {
  auth: 'auth',
  catalog: 'catalog',
  bookings: 'bookings',
  inventory: 'inventory',
} as const satisfies Record<ServiceName, string>;
