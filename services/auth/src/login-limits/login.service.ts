import { Inject, Injectable } from '@nestjs/common';
import {
  SERVICE_CONFIG,
  type Counter,
  DomainError,
  Metrics,
  SessionStore,
  type Customer,
  type TrustedDevice,
  type User,
} from '@garage/shared';
import type { AuthConfig } from '../config.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { UsersRepository } from '../users/users.repository.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { LoginLimiter, normaliseLogin, type AccountCharge, type LoginKind } from './login-limiter.js';
import { DEMO_PASSWORDS } from '../demo/demo-credentials.js';
import { AuditService } from '../audit/audit.service.js';

interface Account {
  id: string;
  status: 'active' | 'suspended' | 'pending';
  passwordHash: string;
}

const INVALID = 'Invalid credentials';

/** How a sign-in's check of the credentials ended, as `garage_sign_ins_total{kind,outcome}` counts it. */
export function signInOutcome(err: unknown): 'failed' | 'limited' | 'refused' | 'busy' | 'error' {
  const code = err instanceof DomainError ? err.code : null;
  if (code === 'UNAUTHENTICATED') return 'failed';
  if (code === 'RATE_LIMITED') return 'limited';
  if (code === 'FORBIDDEN') return 'refused';
  if (code === 'SERVICE_UNAVAILABLE') return 'busy';
  return 'error';
}

/** Signs staff and customers in: limits, constant-ish timing, status checks, hash upgrades, sessions. */
@Injectable()
export class LoginService {
  /** Sign-ins by kind (staff, customer) and outcome: ok, failed (wrong password or no account), limited, refused, busy. */
  private readonly signIns: Counter<'kind' | 'outcome'>;

  constructor(
    private readonly users: UsersRepository,
    private readonly customers: CustomersRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginLimiter,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    @Inject(SERVICE_CONFIG) private readonly config: AuthConfig,
    metrics: Metrics,
  ) {
    this.signIns = metrics.counter('garage_sign_ins_total', 'Sign-in attempts, by kind and outcome', [
      'kind',
      'outcome',
    ]);
  }

  async loginStaff(
    username: string,
    password: string,
    ip: string,
    deadline?: number,
    device?: TrustedDevice,
  ): Promise<{ token: string; expiresAt: string; user: User }> {
    const user = await this.counted(
      'staff',
      this.verify('staff', { ip, device, deadline }, username, (name) => this.users.findForLogin(name), password),
    );
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.setPasswordHash(user.id, await this.hasher.hash(password, undefined, 'sign-in'));
    }
    await this.users.touchLogin(user.id);
    const session = await this.sessions.create({
      kind: 'user',
      id: user.id,
      role: user.role,
      branchIds: user.branchIds,
    });
    // A suspension or role change that landed while we were signing in must not leave a live session behind.
    const now = await this.users.findById(user.id);
    if (!now || now.status !== 'active' || now.role !== user.role || now.branchIds.join() !== user.branchIds.join()) {
      await this.sessions.revoke(session.principal);
      throw new DomainError('CONFLICT', 'The account changed while signing in; try again');
    }
    await this.recordSignIn('user', user.id);
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: now };
  }

  async loginCustomer(
    email: string,
    password: string,
    ip: string,
    deadline?: number,
    device?: TrustedDevice,
  ): Promise<{ token: string; expiresAt: string; customer: Customer }> {
    const customer = await this.counted(
      'customer',
      this.verify('customer', { ip, device, deadline }, email, (name) => this.customers.findForLogin(name), password),
    );
    if (this.hasher.needsRehash(customer.passwordHash)) {
      await this.customers.setPasswordHash(customer.id, await this.hasher.hash(password, undefined, 'sign-in'));
    }
    await this.customers.touchLogin(customer.id);
    const session = await this.sessions.create({ kind: 'customer', id: customer.id, role: 'customer', branchIds: [] });
    const now = await this.customers.findById(customer.id);
    if (!now || now.status !== 'active') {
      await this.sessions.revoke(session.principal);
      throw new DomainError('CONFLICT', 'The account changed while signing in; try again');
    }
    await this.recordSignIn('customer', customer.id);
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), customer: now };
  }

  /** A sign-in's check of the credentials (verify), counted in garage_sign_ins_total by how it ended. */
  private async counted<A>(kind: LoginKind, check: Promise<A>): Promise<A> {
    try {
      const account = await check;
      this.signIns.inc({ kind, outcome: 'ok' });
      return account;
    } catch (err) {
      this.signIns.inc({ kind, outcome: signInOutcome(err) });
      throw err;
    }
  }

  private async verify<A extends Account>(
    kind: LoginKind,
    client: { ip: string; device?: TrustedDevice; deadline?: number },
    login: string,
    find: (name: string) => Promise<A | null>,
    password: string,
  ): Promise<A> {
    const { ip, device, deadline } = client;
    const name = normaliseLogin(login);
    await this.limiter.beginIp(kind, ip);
    let charge: AccountCharge | undefined;
    let account: A | null;
    let ok: boolean;
    try {
      account = name === null ? null : await find(name);
      const trusted =
        account && device?.kind === (kind === 'staff' ? 'user' : 'customer') && device.accountId === account.id;
      // Counted by the account itself, so no spelling of its name gets a counter of its own.
      charge = await this.limiter.reserveAccount(
        kind,
        account ? account.id : `?${name ?? login.toLowerCase()}`,
        trusted ? device.id : undefined,
      );
      // An unknown account still costs one verification, so it answers like a wrong password.
      ok = account
        ? await this.hasher.verify(account.passwordHash, password, deadline)
        : await this.hasher.verifyDummy(password, deadline);
    } catch (err) {
      await this.limiter.abandoned(kind, ip, charge).catch(() => undefined);
      throw err;
    }
    const accountKind = kind === 'staff' ? 'user' : 'customer';
    // What was typed, as the log can keep it (no control characters: Postgres text refuses NUL).
    const typed = (name ?? [...login].map((c) => (c < ' ' || c === '\u007f' ? '\ufffd' : c)).join('')).slice(0, 200);
    const refused = (reason: string) =>
      this.audit.record({
        action: 'auth.sign_in_failed',
        actor: { kind: 'anonymous', id: null, label: typed },
        subject: account ? { type: accountKind, id: account.id } : { type: 'login', id: typed },
        after: { reason },
      });
    if (!account || !ok) {
      await refused(account ? 'wrong password' : 'no such account');
      await this.limiter.failed(kind, ip);
      throw new DomainError('UNAUTHENTICATED', INVALID);
    }
    await this.limiter.succeeded(kind, ip, charge);
    if (account.status === 'suspended') {
      await refused('account suspended');
      throw new DomainError('FORBIDDEN', 'This account is suspended');
    }
    if (account.status === 'pending') {
      await refused('account pending');
      throw new DomainError('FORBIDDEN', 'This account is awaiting activation');
    }
    if (this.config.PRODUCTION && DEMO_PASSWORDS.has(password)) {
      await refused('demo password in production');
      throw new DomainError(
        'FORBIDDEN',
        'This account still has a demo password, which production refuses; set a new one with `npm run cli -- set-password`',
      );
    }
    return account;
  }

  private recordSignIn(kind: 'user' | 'customer', id: string): Promise<void> {
    return this.audit.record({ action: 'auth.sign_in', actor: { kind, id, label: null }, subject: { type: kind, id } });
  }
}
