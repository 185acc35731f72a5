import { Injectable } from '@nestjs/common';
import { DomainError, isUniqueViolation, type Branch, type Principal } from '@garage/shared';
import { definedOnly } from '../common/defined-only.js';
import { isStaff } from '../common/principal.js';
import { BranchesRepository, type BranchFields } from './branches.repository.js';

/** Branches: anyone reads the active ones; admins open, change and close them. */
@Injectable()
export class BranchesService {
  constructor(private readonly branches: BranchesRepository) {}

  list(principal: Principal | null, limit: number, cursor: string | undefined, includeInactive: boolean) {
    return this.branches.list(limit, cursor, includeInactive && isStaff(principal));
  }

  /** One branch; an inactive one is hidden from the public. */
  async get(principal: Principal | null, id: string): Promise<Branch> {
    const branch = await this.branches.findById(id);
    if (!branch || (!branch.active && !isStaff(principal))) throw new DomainError('NOT_FOUND', 'No such branch');
    return branch;
  }

  async create(fields: BranchFields): Promise<Branch> {
    const branch = await this.branches.insert(fields);
    if (!branch) throw new DomainError('CONFLICT', 'A branch with this name already exists');
    return branch;
  }

  async update(id: string, change: Partial<BranchFields>): Promise<Branch> {
    const current = await this.branches.findById(id);
    if (!current) throw new DomainError('NOT_FOUND', 'No such branch');
    const { id: _id, currency: _currency, ...fields } = current;
    try {
      const updated = await this.branches.update(id, { ...fields, ...definedOnly(change) });
      if (!updated) throw new DomainError('NOT_FOUND', 'No such branch');
      return updated;
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A branch with this name already exists');
      throw err;
    }
  }
}
