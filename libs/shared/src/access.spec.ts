import { authorize } from './access.js';
import type { Principal } from './contracts/common.js';
import type { Access } from './contracts/contract.js';
import { DomainError } from './errors.js';
import { allContracts } from './nats/permissions.js';

const as = (role: Principal['role']): Principal => ({
  kind: role === 'customer' ? 'customer' : 'user',
  id: '00000000-0000-4000-8000-000000000001',
  role,
  branchIds: [],
  sessionId: 'a'.repeat(64),
});

/** What authorize says: 'ok', or the error code it throws. */
function verdict(access: Access, principal: Principal | null): string {
  try {
    authorize(access, principal);
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe('authorize: the one reading of a contract’s access', () => {
  const callers = [null, as('customer'), as('staff'), as('admin')];
  it.each<[Access, string[]]>([
    ['public', ['ok', 'ok', 'ok', 'ok']],
    ['signed-in', ['UNAUTHENTICATED', 'ok', 'ok', 'ok']],
    [['admin'], ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'ok']],
    [
      ['admin', 'staff'],
      ['UNAUTHENTICATED', 'FORBIDDEN', 'ok', 'ok'],
    ],
    [['customer'], ['UNAUTHENTICATED', 'ok', 'FORBIDDEN', 'FORBIDDEN']],
    ['services', ['ok', 'FORBIDDEN', 'ok', 'ok']],
  ])('%j: nobody, a customer, staff, an admin → %j', (access, expected) => {
    expect(callers.map((p) => verdict(access, p))).toEqual(expected);
  });
});

describe('every message declares who may send it', () => {
  const contracts = allContracts();
  const roles = new Set(['admin', 'staff', 'customer']);

  it('has an access rule: public, signed-in, services or a non-empty list of known roles', () => {
    expect(contracts.length).toBeGreaterThan(50);
    const bad = contracts.filter((c) => {
      const a: unknown = c.access;
      if (a === 'public' || a === 'signed-in' || a === 'services') return false;
      return !Array.isArray(a) || a.length === 0 || !a.every((r) => roles.has(r as string));
    });
    expect(bad.map((c) => c.pattern)).toEqual([]);
  });

  it('never exposes a services-only message as an HTTP route', () => {
    expect(contracts.filter((c) => c.http && c.access === 'services').map((c) => c.pattern)).toEqual([]);
  });
});
