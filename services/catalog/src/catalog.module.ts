import { Module, type DynamicModule } from '@nestjs/common';
import { RpcClient, type ServiceInfrastructure } from '@garage/shared';
import type { CatalogConfig } from './config.js';
import { CatalogSettings } from './catalog-settings.js';
import { BranchesController } from './branches/branches.controller.js';
import { BranchesRepository } from './branches/branches.repository.js';
import { BranchesService } from './branches/branches.service.js';
import { CostCalculatorController } from './cost/cost-calculator.controller.js';
import { CostCalculatorService } from './cost/cost-calculator.service.js';
import { InventoryPricesClient } from './part-prices/inventory-prices.client.js';
import { PartPriceChangedConsumer } from './part-prices/part-price-changed.consumer.js';
import { PartPriceRefresher } from './part-prices/part-price-refresher.js';
import { PartPricesRepository } from './part-prices/part-prices.repository.js';
import { PartPricesService } from './part-prices/part-prices.service.js';
import { ServiceCatalogController } from './service-catalog/service-catalog.controller.js';
import { ServiceCatalogService } from './service-catalog/service-catalog.service.js';
import { ServiceOfferingsRepository } from './service-catalog/service-offerings.repository.js';

/** Wiring of the catalog service around infrastructure startService has already connected. */
@Module({})
export class CatalogModule {
  static forRoot(infra: ServiceInfrastructure<CatalogConfig>): DynamicModule {
    const { db, config, log } = infra;
    const inventoryPrices = new InventoryPricesClient(
      new RpcClient(infra.nc, config.NATS_PREFIX, config.RPC_TIMEOUT_MS),
    );
    const partPrices = new PartPricesRepository(db);
    return {
      module: CatalogModule,
      controllers: [BranchesController, ServiceCatalogController, CostCalculatorController],
      providers: [
        { provide: BranchesRepository, useValue: new BranchesRepository(db, config.CURRENCY) },
        { provide: ServiceOfferingsRepository, useValue: new ServiceOfferingsRepository(db) },
        { provide: PartPricesRepository, useValue: partPrices },
        { provide: InventoryPricesClient, useValue: inventoryPrices },
        { provide: PartPriceRefresher, useValue: new PartPriceRefresher(inventoryPrices, partPrices, log) },
        { provide: PartPriceChangedConsumer, useValue: new PartPriceChangedConsumer(partPrices, log) },
        { provide: CatalogSettings, useValue: new CatalogSettings(config.DEFAULT_LABOR_RATE_CENTS) },
        BranchesService,
        PartPricesService,
        ServiceCatalogService,
        CostCalculatorService,
      ],
    };
  }
}
