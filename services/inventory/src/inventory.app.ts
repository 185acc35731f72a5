import { startService, type RunningService } from '@garage/shared';
import type { InventoryConfig } from './config.js';
import { InventoryModule } from './inventory.module.js';
import { createInventoryDataSource } from './data-source.js';
import { loadDemoStock } from './demo/demo-data.js';
import { processedEventsPurgeJob } from './booking-events/processed-events-purge.job.js';
import { ProcessedEventsRepository } from './booking-events/processed-events.repository.js';

/** The inventory service: parts, stock per branch, reservations, stock ledger (schema "inventory"). */
export function startInventoryService(config: InventoryConfig): Promise<RunningService> {
  return startService({
    name: 'inventory',
    config,
    createDataSource: (c) => createInventoryDataSource(c.DATABASE_URL, c.DB_POOL_SIZE),
    module: () => InventoryModule.forRoot(),
    loadDemoData: ({ db }) => loadDemoStock(db),
    jobs: (app) => [processedEventsPurgeJob(app.get(ProcessedEventsRepository))],
  });
}
