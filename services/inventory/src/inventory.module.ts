import { Module, type DynamicModule } from '@nestjs/common';
import { RpcClient, type ServiceInfrastructure, Transactions } from '@garage/shared';
import type { InventoryConfig } from './config.js';
import { BookingEventsConsumer } from './booking-events/booking-events.consumer.js';
import { ProcessedEventsRepository } from './booking-events/processed-events.repository.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { LowStockRepository } from './dashboard/low-stock.repository.js';
import { INVENTORY_LOG } from './inventory-log.js';
import { PartsController } from './parts/parts.controller.js';
import { PartsRepository } from './parts/parts.repository.js';
import { PartsService } from './parts/parts.service.js';
import { ReservationsController } from './reservations/reservations.controller.js';
import { ReservationsRepository } from './reservations/reservations.repository.js';
import { ReservationsService } from './reservations/reservations.service.js';
import { WaitingBookings } from './reservations/waiting-bookings.service.js';
import { BranchDirectory } from './stock/branch-directory.js';
import { MovementsRepository } from './stock/movements.repository.js';
import { StockListRepository } from './stock/stock-list.repository.js';
import { StockController } from './stock-keeping/stock.controller.js';
import { StockRepository } from './stock/stock.repository.js';
import { StockService } from './stock-keeping/stock.service.js';

/** Wiring of the inventory service around infrastructure startService has already connected. */
@Module({})
export class InventoryModule {
  static forRoot(infra: ServiceInfrastructure<InventoryConfig>): DynamicModule {
    const { db, nc, config, log } = infra;
    // Asks the catalog (which owns branches) whether a branch this service has never seen exists.
    const catalogClient = new RpcClient(nc, config.NATS_PREFIX, config.RPC_TIMEOUT_MS);
    return {
      module: InventoryModule,
      controllers: [PartsController, StockController, ReservationsController, DashboardController],
      providers: [
        { provide: INVENTORY_LOG, useValue: log },
        { provide: Transactions, useValue: new Transactions(db) },
        { provide: PartsRepository, useValue: new PartsRepository(db) },
        { provide: StockRepository, useValue: new StockRepository(db) },
        { provide: StockListRepository, useValue: new StockListRepository(db) },
        { provide: MovementsRepository, useValue: new MovementsRepository(db) },
        { provide: ReservationsRepository, useValue: new ReservationsRepository() },
        { provide: ProcessedEventsRepository, useValue: new ProcessedEventsRepository() },
        { provide: LowStockRepository, useValue: new LowStockRepository(db) },
        { provide: BranchDirectory, useValue: new BranchDirectory(db, catalogClient) },
        PartsService,
        StockService,
        ReservationsService,
        WaitingBookings,
        BookingEventsConsumer,
      ],
    };
  }
}
