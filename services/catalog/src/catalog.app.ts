import { startService, type RunningService } from '@garage/shared';
import type { CatalogConfig } from './config.js';
import { CatalogModule } from './catalog.module.js';
import { createCatalogDataSource } from './data-source.js';
import { loadDemoBranches } from './demo/demo-data.js';
import { loadDemoServices } from './demo/demo-services.js';

/** The catalog service: branches, service catalog, prices, cost calculator (schema "catalog"). */
export function startCatalogService(config: CatalogConfig): Promise<RunningService> {
  return startService({
    name: 'catalog',
    config,
    createDataSource: (c) => createCatalogDataSource(c.DATABASE_URL, c.DB_POOL_SIZE),
    module: () => CatalogModule.forRoot(),
    loadDemoData: async ({ db }) => [...(await loadDemoBranches(db)), ...(await loadDemoServices(db))],
  });
}
