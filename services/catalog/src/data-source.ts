import { DataSource } from 'typeorm';
import { CreateCatalogBranches1764576000000 } from './migrations/1764576000000-create-catalog-branches.js';
import { CreateCatalogServicesAndPartPrices1764748800000 } from './migrations/1764748800000-create-catalog-services-and-part-prices.js';
import { CreateCatalogOutbox1767000000000 } from './migrations/1767000000000-create-catalog-outbox.js';
import { BranchBookingHorizon1767300000000 } from './migrations/1767300000000-branch-booking-horizon.js';
import { OutboxTraceparent1767600000000 } from './migrations/1767600000000-outbox-traceparent.js';

/** The catalog service's DataSource: its own schema, its own migrations table, never `synchronize`. */
export function createCatalogDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    migrations: [
      CreateCatalogBranches1764576000000,
      CreateCatalogServicesAndPartPrices1764748800000,
      CreateCatalogOutbox1767000000000,
      BranchBookingHorizon1767300000000,
      OutboxTraceparent1767600000000,
    ],
    migrationsTableName: 'catalog_migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'garage-catalog' },
  });
}
