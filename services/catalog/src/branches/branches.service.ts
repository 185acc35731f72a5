import { Injectable } from '@nestjs/common';
import {
  DomainError,
  Transactions,
  appendEvent,
  auditRecord,
  changedFields,
  isUniqueViolation,
  type Branch,
  type Principal,
} from '@garage/shared';
import { definedOnly } from '../common/defined-only.js';
import { isStaff } from '../common/principal.js';
import { BranchesRepository, type BranchFields } from './branches.repository.js';

/** Branches: anyone reads the active ones; admins open, change and close them. */
@Injectable()
export class BranchesService {
  constructor(
    private readonly branches: BranchesRepository,
    private readonly transactions: Transactions,
  ) {}

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
    return this.transactions.run(async (tx) => {
      const branch = await this.branches.insert(fields, tx);
      if (!branch) throw new DomainError('CONFLICT', 'A branch with this name already exists');
      const { id, ...after } = branch;
      await appendEvent(
        tx,
        'audit.catalog',
        auditRecord({ action: 'catalog.branch.created', subject: { type: 'branch', id }, branchId: id, after }),
      );
      return branch;
    });
  }

  /** Changes what the admin sent, with an audit entry of the fields that really changed (same transaction). */
  async update(id: string, change: Partial<BranchFields>): Promise<Branch> {
    try {
      return await this.transactions.run(async (tx) => {
        const current = await this.branches.lockById(tx, id);
        if (!current) throw new DomainError('NOT_FOUND', 'No such branch');
        const { id: _id, currency: _currency, ...fields } = current;
        const updated = await this.branches.update(id, { ...fields, ...definedOnly(change) }, tx);
        if (!updated) throw new DomainError('NOT_FOUND', 'No such branch');
        const diff = changedFields(current, updated);
        if (diff) {
          await appendEvent(
            tx,
            'audit.catalog',
            auditRecord({ action: 'catalog.branch.updated', subject: { type: 'branch', id }, branchId: id, ...diff }),
          );
        }
        return updated;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A branch with this name already exists');
      throw err;
    }
  }
}
