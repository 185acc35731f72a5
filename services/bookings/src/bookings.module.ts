import { Module, type DynamicModule } from '@nestjs/common';
import { AuthClient } from './auth/auth.client.js';
import { AvailabilityController } from './availability/availability.controller.js';
import { AvailabilityService } from './availability/availability.service.js';
import { BookingSettings } from './scheduling/booking-settings.js';
import { BookingAttempts } from './bookings/booking-attempts.js';
import { BookingCounters } from './bookings/booking-counters.js';
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
import { VehicleClaimsController } from './vehicles/vehicle-claims.controller.js';
import { VehicleClaimsRepository } from './vehicles/vehicle-claims.repository.js';
import { VehicleClaimsService } from './vehicles/vehicle-claims.service.js';
import { VehiclesController } from './vehicles/vehicles.controller.js';
import { VehiclesRepository } from './vehicles/vehicles.repository.js';
import { VehiclesService } from './vehicles/vehicles.service.js';

/** Wiring of the bookings service: its classes, which take what startService connected by injection. */
@Module({})
export class BookingsModule {
  static forRoot(): DynamicModule {
    return {
      module: BookingsModule,
      controllers: [
        VehiclesController,
        VehicleClaimsController,
        TechniciansController,
        AvailabilityController,
        BookingsController,
        ServiceRecordsController,
        DashboardController,
      ],
      providers: [
        // Branch facts and quotes come from the catalog, customer accounts from auth: each owns them.
        CatalogClient,
        AuthClient,
        BookingSettings,
        BookingAttempts,
        VehiclesRepository,
        VehicleClaimsRepository,
        TechniciansRepository,
        BookingsRepository,
        IdempotencyRepository,
        ServiceRecordsRepository,
        DashboardRepository,
        BookingCounters,
        PartsStatusConsumer,
        VehiclesService,
        VehicleClaimsService,
        TechniciansService,
        AvailabilityService,
        CreateBooking,
        BookingWorkflow,
      ],
    };
  }
}
