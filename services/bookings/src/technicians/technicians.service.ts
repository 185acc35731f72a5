import { Injectable } from '@nestjs/common';
import { branchScope, DomainError, type Principal, type Technician } from '@garage/shared';
import { CatalogClient } from '../catalog/catalog.client.js';
import { TechniciansRepository, type TechnicianFields } from './technicians.repository.js';

/** Technicians: admins hire, move and retire them; staff read those of their branches. */
@Injectable()
export class TechniciansService {
  constructor(
    private readonly technicians: TechniciansRepository,
    private readonly catalog: CatalogClient,
  ) {}

  list(principal: Principal, q: { branchId?: string; includeInactive: boolean; limit: number; cursor?: string }) {
    return this.technicians.list({ ...q, branchIds: branchScope(principal, q.branchId) });
  }

  async create(principal: Principal, fields: TechnicianFields): Promise<Technician> {
    await this.catalog.branch(principal, fields.branchId);
    return this.technicians.insert(fields);
  }

  async update(principal: Principal, id: string, change: Partial<TechnicianFields>): Promise<Technician> {
    if (change.branchId) await this.catalog.branch(principal, change.branchId);
    const technician = await this.technicians.update(id, change);
    if (!technician) throw new DomainError('NOT_FOUND', 'No such technician');
    return technician;
  }
}
