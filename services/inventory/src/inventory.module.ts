import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceInfrastructure } from '@garage/shared';
import type { InventoryConfig } from './config.js';

/** Wiring of the inventory service around infrastructure startService has already connected. */
@Module({})
export class InventoryModule {
  static forRoot(_infra: ServiceInfrastructure<InventoryConfig>): DynamicModule {
    return { module: InventoryModule, controllers: [], providers: [] };
  }
}
