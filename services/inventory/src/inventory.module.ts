import { Module, type DynamicModule } from '@nestjs/common';
import { BookingEventsConsumer } from './booking-events/booking-events.consumer.js';
import { ProcessedEventsRepository } from './booking-events/processed-events.repository.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { LowStockRepository } from './dashboard/low-stock.repository.js';
import { PartsController } from './parts/parts.controller.js';
import { PartsRepository } from './parts/parts.repository.js';
import { PartsService } from './parts/parts.service.js';
import { ReservationsRepository } from './reservations/reservations.repository.js';
import { ReservationsService } from './reservations/reservations.service.js';
import { WaitingBookings } from './reservations/waiting-bookings.service.js';
import { BranchDirectory } from './stock/branch-directory.js';
import { MovementsRepository } from './stock/movements.repository.js';
import { StockListRepository } from './stock/stock-list.repository.js';
import { StockController } from './stock-keeping/stock.controller.js';
import { StockRepository } from './stock/stock.repository.js';
import { StockService } from './stock-keeping/stock.service.js';

/** Wiring of the inventory service: its classes, which take what startService connected by injection. */
@Module({})
export class InventoryModule {
  static forRoot(): DynamicModule {
    return {
      module: InventoryModule,
      controllers: [PartsController, StockController, DashboardController],
      providers: [
        PartsRepository,
        StockRepository,
        StockListRepository,
        MovementsRepository,
        ReservationsRepository,
        ProcessedEventsRepository,
        LowStockRepository,
        // Asks the catalog (which owns branches) whether a branch this service has never seen exists.
        BranchDirectory,
        PartsService,
        StockService,
        ReservationsService,
        WaitingBookings,
        BookingEventsConsumer,
      ],
    };
  }
}
