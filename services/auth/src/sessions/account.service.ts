import { Inject, Injectable } from '@nestjs/common';
import {
  SERVICE_CONFIG,
  DomainError,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  SessionStore,
  type PasswordPolicy,
  type Principal,
} from '@garage/shared';
import type { AuthConfig } from '../config.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { UsersRepository } from '../users/users.repository.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { LoginLimiter } from '../login-limits/login-limiter.js';
import { HashingLimits } from '../passwords/hashing-limits.js';
import { AuditService } from '../audit/audit.service.js';

/** What a signed-in account does to itself: who am I, sign out, change password. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly customers: CustomersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly limiter: LoginLimiter,
    private readonly limits: HashingLimits,
    private readonly audit: AuditService,
    @Inject(SERVICE_CONFIG) private readonly config: AuthConfig,
  ) {}

  async me(principal: Principal) {
    if (principal.kind === 'user') {
      const user = await this.users.findById(principal.id);
      if (!user || user.status !== 'active') throw new DomainError('UNAUTHENTICATED', 'Session is no longer valid');
      return { kind: 'user' as const, user };
    }
    const customer = await this.customers.findById(principal.id);
    if (!customer || customer.status !== 'active')
      throw new DomainError('UNAUTHENTICATED', 'Session is no longer valid');
    return { kind: 'customer' as const, customer };
  }

  async logout(principal: Principal): Promise<null> {
    await this.sessions.revoke(principal);
    return null;
  }

  /**
   * Changes the password after checking the current one; every other session of the account ends.
   * The free checks come first (the same password, the rules); then the account's allowance of
   * changes and its sign-in delay, because each change costs a verification and a hash.
   */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    deadline?: number,
  ): Promise<null> {
    const account =
      principal.kind === 'user'
        ? await this.users.findAccount(principal.id)
        : await this.customers.findAccount(principal.id);
    if (!account || account.status !== 'active') throw new DomainError('UNAUTHENTICATED', 'Session is no longer valid');
    if (newPassword === currentPassword) {
      throw new DomainError('VALIDATION_FAILED', 'The new password must differ from the current one', [
        { field: 'newPassword', message: 'same as the current password' },
      ]);
    }
    const login = 'username' in account ? account.username : account.email.split('@')[0];
    assertPasswordAllowed(newPassword, this.policy(), [login], 'newPassword');
    await this.limits.passwordChanges.take(`${principal.kind}:${principal.id}`);
    // Wrong current passwords count with failed sign-ins, so a stolen session cannot guess without limit.
    const kind = principal.kind === 'user' ? 'staff' : 'customer';
    const charge = await this.limiter.reserveAccount(kind, account.id);
    let right: boolean;
    try {
      right = await this.hasher.verify(account.passwordHash, currentPassword, deadline, 'bulk');
    } catch (err) {
      await this.limiter.refund(charge).catch(() => undefined);
      throw err;
    }
    if (!right) {
      throw new DomainError('VALIDATION_FAILED', 'Current password is incorrect', [
        { field: 'currentPassword', message: 'does not match' },
      ]);
    }
    await this.limiter.refund(charge);
    const hash = await this.hasher.hash(newPassword, deadline);
    if (principal.kind === 'user') await this.users.setPasswordHash(principal.id, hash);
    else await this.customers.setPasswordHash(principal.id, hash);
    await this.audit.record({ action: 'auth.password.changed', subject: { type: principal.kind, id: principal.id } });
    await this.sessions.revokeAll(principal.kind, principal.id, principal.sessionId);
    return null;
  }

  /** The rules this deployment applies, for forms to show as people type (public). */
  passwordPolicy(): PasswordPolicy {
    return {
      minLength: MIN_PASSWORD_LENGTH,
      maxLength: MAX_PASSWORD_LENGTH,
      requireComposition: this.config.PASSWORD_REQUIRE_COMPOSITION,
    };
  }

  private policy() {
    return { requireComposition: this.config.PASSWORD_REQUIRE_COMPOSITION };
  }
}
