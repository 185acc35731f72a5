import { Inject, Injectable } from '@nestjs/common';
import {
  SERVICE_CONFIG,
  DomainError,
  SessionStore,
  Transactions,
  changedFields,
  isUniqueViolation,
  type Principal,
  type User,
} from '@garage/shared';
import type { AuthConfig } from '../config.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { UsersRepository, type AccountStatus, type StaffRole } from './users.repository.js';
import { AuditService } from '../audit/audit.service.js';

export interface CreateUserCommand {
  username: string;
  password: string;
  role: StaffRole;
  branchIds: string[];
}

export interface UpdateUserCommand {
  id: string;
  role?: StaffRole;
  branchIds?: string[];
  status?: AccountStatus;
}

/** Admin management of staff and admin accounts. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(SERVICE_CONFIG) private readonly config: AuthConfig,
  ) {}

  list(limit: number, cursor?: string, q?: string) {
    return this.users.list(limit, cursor, q);
  }

  async create(command: CreateUserCommand, deadline?: number): Promise<User> {
    const branchIds = [...new Set(command.branchIds)];
    if (command.role === 'staff' && branchIds.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Staff need at least one branch', [
        { field: 'branchIds', message: 'at least one branch for staff' },
      ]);
    }
    assertPasswordAllowed(command.password, { requireComposition: this.config.PASSWORD_REQUIRE_COMPOSITION }, [
      command.username,
    ]);
    const passwordHash = await this.hasher.hash(command.password, deadline);
    try {
      return await this.transactions.run(async (tx) => {
        const user = await this.users.insert(
          {
            username: command.username,
            role: command.role,
            branchIds: command.role === 'admin' ? [] : branchIds,
            status: 'active',
            passwordHash,
          },
          tx,
        );
        const { username, role, status } = user;
        await this.audit.record(
          {
            action: 'auth.user.created',
            subject: { type: 'user', id: user.id },
            after: { username, role, branchIds: user.branchIds, status },
          },
          tx,
        );
        return user;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'That username is taken');
      throw err;
    }
  }

  /** Changes role, branches or status; any change ends the account's sessions so no stale rights survive. */
  async update(principal: Principal, command: UpdateUserCommand): Promise<User> {
    const user = await this.users.findById(command.id);
    if (!user) throw new DomainError('NOT_FOUND', 'No such user');
    if (user.id === principal.id && ((command.status && command.status !== 'active') || command.role === 'staff')) {
      throw new DomainError('CONFLICT', 'You cannot suspend or demote your own account');
    }
    const role = command.role ?? user.role;
    const branchIds = role === 'admin' ? [] : [...new Set(command.branchIds ?? user.branchIds)];
    if (role === 'staff' && branchIds.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Staff need at least one branch', [
        { field: 'branchIds', message: 'at least one branch for staff' },
      ]);
    }
    const after = { role, branchIds, status: command.status ?? user.status };
    const { saved, changed } = await this.transactions.run(async (tx) => {
      const updated = await this.users.updateAccess(user.id, after, tx);
      if (!updated) throw new DomainError('NOT_FOUND', 'No such user');
      const change = changedFields(updated.before, after);
      if (change)
        await this.audit.record({ action: 'auth.user.updated', subject: { type: 'user', id: user.id }, ...change }, tx);
      return { saved: updated.user, changed: change !== null };
    });
    if (changed) await this.sessions.revokeAll('user', user.id);
    return saved;
  }
}
