import { DataSource } from 'typeorm';
import { CreateInventorySchema1764748800000 } from './migrations/1764748800000-create-inventory-schema.js';
import { AddProcessedEventsAndWaitingOrder1765500000000 } from './migrations/1765500000000-add-processed-events-and-waiting-order.js';
import { OutboxTraceparent1767600000000 } from './migrations/1767600000000-outbox-traceparent.js';

/** The inventory service's DataSource: its own schema, its own migrations table, never `synchronize`. */
export function createInventoryDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    migrations: [
      CreateInventorySchema1764748800000,
      AddProcessedEventsAndWaitingOrder1765500000000,
      OutboxTraceparent1767600000000,
    ],
    migrationsTableName: 'inventory_migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'garage-inventory' },
  });
}
