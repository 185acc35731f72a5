import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceInfrastructure } from '@garage/shared';
import type { BookingsConfig } from './config.js';

/** Wiring of the bookings service around infrastructure startService has already connected. */
@Module({})
export class BookingsModule {
  static forRoot(_infra: ServiceInfrastructure<BookingsConfig>): DynamicModule {
    return { module: BookingsModule, controllers: [], providers: [] };
  }
}
