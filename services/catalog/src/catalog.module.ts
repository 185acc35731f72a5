import { Module, type DynamicModule } from '@nestjs/common';
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

/** Wiring of the catalog service: its classes, which take what startService connected by injection. */
@Module({})
export class CatalogModule {
  static forRoot(): DynamicModule {
    return {
      module: CatalogModule,
      controllers: [BranchesController, ServiceCatalogController, CostCalculatorController],
      providers: [
        CatalogSettings,
        BranchesRepository,
        ServiceOfferingsRepository,
        PartPricesRepository,
        InventoryPricesClient,
        PartPriceRefresher,
        PartPriceChangedConsumer,
        BranchesService,
        PartPricesService,
        ServiceCatalogService,
        CostCalculatorService,
      ],
    };
  }
}
