import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceInfrastructure } from '@garage/shared';
import type { CatalogConfig } from './config.js';
import { BranchesController } from './branches/branches.controller.js';
import { BranchesRepository } from './branches/branches.repository.js';
import { BranchesService } from './branches/branches.service.js';

/** Wiring of the catalog service around infrastructure startService has already connected. */
@Module({})
export class CatalogModule {
  static forRoot(infra: ServiceInfrastructure<CatalogConfig>): DynamicModule {
    return {
      module: CatalogModule,
      controllers: [BranchesController],
      providers: [
        { provide: BranchesRepository, useValue: new BranchesRepository(infra.db, infra.config.CURRENCY) },
        BranchesService,
      ],
    };
  }
}
