import { Injectable } from '@nestjs/common';
import { DomainError, type Principal, type Vehicle } from '@garage/shared';
import { AuthClient } from '../auth/auth.client.js';
import { VehiclesRepository, type VehicleChange, type VehicleFields } from './vehicles.repository.js';

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

  /** A customer's own car, or one whose owner has been checked. */
  async create(fields: VehicleFields): Promise<Vehicle> {
    const vehicle = await this.vehicles.insert(fields);
    if (!vehicle) throw new DomainError('CONFLICT', 'A vehicle with this VIN is already registered');
    return vehicle;
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
