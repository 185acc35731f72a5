import { Module, type DynamicModule } from '@nestjs/common';
import { RpcClient, type ServiceInfrastructure, Transactions } from '@garage/shared';
import type { BookingsConfig } from './config.js';
import { AuthClient } from './auth/auth.client.js';
import { AvailabilityController } from './availability/availability.controller.js';
import { AvailabilityService } from './availability/availability.service.js';
import { BookingSettings } from './scheduling/booking-settings.js';
import { BookingWorkflow } from './bookings/booking-workflow.service.js';
import { BookingsController } from './bookings/bookings.controller.js';
import { BookingsRepository } from './bookings/bookings.repository.js';
import { CreateBooking } from './bookings/create-booking.service.js';
import { IdempotencyRepository } from './bookings/idempotency.repository.js';
import { CatalogClient } from './catalog/catalog.client.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { DashboardRepository } from './dashboard/dashboard.repository.js';
import { PartsStatusConsumer } from './parts-status/parts-status.consumer.js';
import { ServiceRecordsController } from './records/service-records.controller.js';
import { ServiceRecordsRepository } from './records/service-records.repository.js';
import { TechniciansController } from './technicians/technicians.controller.js';
import { TechniciansRepository } from './technicians/technicians.repository.js';
import { TechniciansService } from './technicians/technicians.service.js';
import { VehiclesController } from './vehicles/vehicles.controller.js';
import { VehiclesRepository } from './vehicles/vehicles.repository.js';
import { VehiclesService } from './vehicles/vehicles.service.js';

/** Wiring of the bookings service around infrastructure startService has already connected. */
@Module({})
export class BookingsModule {
  static forRoot(infra: ServiceInfrastructure<BookingsConfig>): DynamicModule {
    const { db, nc, config, log } = infra;
    // Branch facts and quotes come from the catalog, customer accounts from auth: each owns them.
    const rpc = new RpcClient(nc, config.NATS_PREFIX, config.RPC_TIMEOUT_MS);
    const catalog = new CatalogClient(rpc);
    const bookings = new BookingsRepository(db);
    return {
      module: BookingsModule,
      controllers: [
        VehiclesController,
        TechniciansController,
        AvailabilityController,
        BookingsController,
        ServiceRecordsController,
        DashboardController,
      ],
      providers: [
        { provide: Transactions, useValue: new Transactions(db) },
        { provide: CatalogClient, useValue: catalog },
        { provide: AuthClient, useValue: new AuthClient(rpc) },
        { provide: BookingSettings, useValue: new BookingSettings(config.SLOT_MINUTES) },
        { provide: VehiclesRepository, useValue: new VehiclesRepository(db) },
        { provide: TechniciansRepository, useValue: new TechniciansRepository(db) },
        { provide: BookingsRepository, useValue: bookings },
        { provide: IdempotencyRepository, useValue: new IdempotencyRepository(db) },
        { provide: ServiceRecordsRepository, useValue: new ServiceRecordsRepository(db) },
        { provide: DashboardRepository, useValue: new DashboardRepository(db) },
        { provide: PartsStatusConsumer, useValue: new PartsStatusConsumer(bookings, log) },
        VehiclesService,
        TechniciansService,
        AvailabilityService,
        CreateBooking,
        BookingWorkflow,
      ],
    };
  }
}
