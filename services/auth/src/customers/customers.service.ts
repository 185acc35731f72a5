import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, DomainError, SessionStore, Transactions, type Customer } from '@garage/shared';
import type { AuthConfig } from '../config.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { CustomersRepository } from './customers.repository.js';
import { HashingLimits } from '../passwords/hashing-limits.js';
import { AuditService } from '../audit/audit.service.js';
import type { AccountStatus } from '../users/users.repository.js';

export interface RegisterCustomerCommand {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phone?: string;
}

/** Customer self-registration, account status, and the customer list staff work from. */
@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly limits: HashingLimits,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(SERVICE_CONFIG) private readonly config: AuthConfig,
  ) {}

  /**
   * Registers a customer. Everything cheap comes before the hash: the password rules (a refusal
   * costs nothing, so it does not use the allowance), the address's registration allowance, then
   * whether the email is taken (409, which API.md makes public anyway; counted, so probing emails is
   * limited too). Neither a flood nor duplicates cost hashing time; the insert still settles a race.
   */
  async register(
    command: RegisterCustomerCommand,
    clientIp: string,
    deadline?: number,
  ): Promise<{ customer: Customer }> {
    const email = command.email.trim().toLowerCase();
    assertPasswordAllowed(command.password, { requireComposition: this.config.PASSWORD_REQUIRE_COMPOSITION }, [
      email.split('@')[0],
    ]);
    await this.limits.registrations.take(clientIp);
    if (await this.customers.emailTaken(email)) throw emailTaken();
    const customer = await this.customers.insertIfNew({
      email,
      firstName: command.firstName,
      lastName: command.lastName,
      phone: command.phone ?? null,
      status: 'active',
      passwordHash: await this.hasher.hash(command.password, deadline),
    });
    if (!customer) throw emailTaken();
    return { customer };
  }

  search(limit: number, cursor?: string, q?: string) {
    return this.customers.search(limit, cursor, q);
  }

  async get(id: string): Promise<Customer> {
    const customer = await this.customers.findById(id);
    if (!customer) throw new DomainError('NOT_FOUND', 'No such customer');
    return customer;
  }

  async count(): Promise<{ customers: number }> {
    return { customers: await this.customers.count() };
  }

  /** Sets a customer's status; anything but active ends their sessions at once. */
  async setStatus(id: string, status: AccountStatus): Promise<Customer> {
    const customer = await this.transactions.run(async (tx) => {
      const changed = await this.customers.setStatus(id, status, tx);
      if (!changed) throw new DomainError('NOT_FOUND', 'No such customer');
      if (changed.before !== status) {
        await this.audit.record(
          {
            action: 'auth.customer.status_changed',
            subject: { type: 'customer', id },
            before: { status: changed.before },
            after: { status },
          },
          tx,
        );
      }
      return changed.customer;
    });
    if (status !== 'active') await this.sessions.revokeAll('customer', id);
    return customer;
  }
}

function emailTaken(): DomainError {
  return new DomainError('CONFLICT', 'An account with this email already exists');
}
