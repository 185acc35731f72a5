import { Controller } from '@nestjs/common';
import { Handles, bookings, type Call } from '@garage/shared';
import { TechniciansService } from './technicians.service.js';

/** NATS handlers for technicians: parse, check the caller, call the rule. */
@Controller()
export class TechniciansController {
  constructor(private readonly technicians: TechniciansService) {}

  @Handles(bookings.listTechnicians)
  list({ principal, payload: { includeInactive, ...q } }: Call<typeof bookings.listTechnicians>) {
    return this.technicians.list(principal, { ...q, includeInactive: includeInactive === 'true' });
  }

  @Handles(bookings.createTechnician)
  create({ principal, payload }: Call<typeof bookings.createTechnician>) {
    return this.technicians.create(principal, payload);
  }

  @Handles(bookings.updateTechnician)
  update({ principal, payload: { id, ...change } }: Call<typeof bookings.updateTechnician>) {
    return this.technicians.update(principal, id, change);
  }
}
