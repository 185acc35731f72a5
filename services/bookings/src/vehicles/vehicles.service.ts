import { Injectable } from '@nestjs/common';
import { DomainError, type Principal, type Vehicle, type bookings } from '@garage/shared';
import type { z } from 'zod';
import { AuthClient } from '../auth/auth.client.js';
import { VehiclesRepository, type VehicleChange, type VehicleFields } from './vehicles.repository.js';

type AddedVehicle = z.infer<typeof bookings.AddedVehicleSchema>;

/** Vehicles: customers see and change their own (anyone else's is 404), staff and admins any. */
@Injectable()
export class VehiclesService {
  constructor(
    private readonly vehicles: VehiclesRepository,
    private readonly auth: AuthClient,
  ) {}

  /** The vehicle if the caller may see it; NOT_FOUND otherwise, so another customer's car is not revealed. */
  async visibleTo(principal: Principal, id: string): Promise<Vehicle> {
    const vehicle = await this.vehicles.findById(id);
    if (!vehicle || (principal.role === 'customer' && vehicle.customerId !== principal.id)) {
      throw new DomainError('NOT_FOUND', 'No such vehicle');
    }
    return vehicle;
  }

  /** Staff or an admin registering a car for a customer: auth must know the customer (and not have suspended them). */
  async registerFor(principal: Principal, fields: VehicleFields): Promise<Vehicle> {
    await this.auth.customerForVehicle(principal, fields.customerId);
    return this.create(fields);
  }

  /** A car for a customer whose account has been checked: a VIN already registered is a CONFLICT (staff see every car anyway). */
  async create(fields: VehicleFields): Promise<Vehicle> {
    const vehicle = await this.vehicles.insert(fields);
    if (!vehicle) throw new DomainError('CONFLICT', 'A vehicle with this VIN is already registered');
    return vehicle;
  }

  /**
   * A customer adding their own car. A VIN registered to someone else is not refused (that would tell
   * anyone whether a VIN is a customer's car, and lock the real owner out): the car is added as a
   * claim for staff to decide, and the answer leaves the status out, so both look the same.
   */
  async addOwn(fields: VehicleFields): Promise<AddedVehicle> {
    for (let tries = 0; tries < 2; tries++) {
      const vehicle = await this.vehicles.insertOwn(fields);
      if (vehicle) {
        const { status: _status, ...added } = vehicle;
        return added;
      }
      if (await this.vehicles.hasVin(fields.customerId, fields.vin)) {
        throw new DomainError('CONFLICT', 'This car is already among your cars', [
          { field: 'vin', message: 'already among your cars' },
        ]);
      }
    }
    throw new DomainError('CONFLICT', 'This car was being added at the same moment; try again');
  }

  /** A car that may be booked: an unresolved or rejected claim may not (CONFLICT naming vehicleId). */
  assertBookable(vehicle: Vehicle): void {
    if (vehicle.status === 'active') return;
    const message =
      vehicle.status === 'claim_pending'
        ? 'This car is waiting for our staff to confirm it is yours; it can be booked once they have'
        : 'This car was not confirmed as yours; ask the branch';
    throw new DomainError('CONFLICT', message, [{ field: 'vehicleId', message: 'not confirmed as yours yet' }]);
  }

  async update(principal: Principal, id: string, change: VehicleChange): Promise<Vehicle> {
    await this.visibleTo(principal, id);
    const vehicle = await this.vehicles.update(id, change);
    if (!vehicle) throw new DomainError('NOT_FOUND', 'No such vehicle');
    return vehicle;
  }

  list(query: { customerId?: string; q?: string; ids?: string[]; limit: number; cursor?: string }) {
    return this.vehicles.list({ ...query, prefix: query.q });
  }
}
