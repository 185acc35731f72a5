import { z } from 'zod';
import { DomainError } from '../errors.js';
import { authContracts, changePassword, createUser, customerRegister, listUsers, login } from './auth.contracts.js';
import { Empty, PageQuery, Uuid, decodeCursor, encodeCursor } from './common.js';
import { defineMessage, issuesToDetails, parseOrThrow } from './contract.js';
import * as contracts from './index.js';

/** Runs `fn`, expecting a DomainError, and returns it. */
function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

const fields = (err: DomainError) => (err.details ?? []).map((d) => d.field);

describe('parseOrThrow', () => {
  const schema = z.strictObject({
    name: z.string().min(1),
    age: z.coerce.number().int(),
    address: z.object({ city: z.string() }).optional(),
    tags: z.array(z.string()).optional(),
  });

  it('returns the parsed (coerced) data', () => {
    expect(parseOrThrow(schema, { name: 'Ana', age: '42' })).toEqual({ name: 'Ana', age: 42 });
  });

  it('throws VALIDATION_FAILED with one detail per broken field', () => {
    const err = domainError(() => parseOrThrow(schema, { name: '', age: 'old' }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Invalid input');
    expect(fields(err).sort()).toEqual(['age', 'name']);
    for (const detail of err.details ?? []) expect(detail.message).toEqual(expect.any(String));
  });

  it('joins nested paths with dots, including array indexes', () => {
    const err = domainError(() => parseOrThrow(schema, { name: 'Ana', age: 1, address: { city: 5 }, tags: ['a', 7] }));
    expect(fields(err).sort()).toEqual(['address.city', 'tags.1']);
  });

  it('names the extra key of an unrecognized_keys issue', () => {
    const err = domainError(() => parseOrThrow(schema, { name: 'Ana', age: 1, role: 'admin' }));
    expect(err.details).toHaveLength(1);
    expect(err.details![0].field).toBe('role');
    expect(err.details![0].message).toMatch(/role/);
  });

  it('names several extra keys, under the nested object that has them', () => {
    const nested = z.strictObject({ inner: z.strictObject({ a: z.string() }) });
    const err = domainError(() => parseOrThrow(nested, { inner: { a: 'x', b: 1, c: 2 } }));
    expect(fields(err)).toEqual(['inner.b,c']);
  });

  it('leaves the field out for an issue at the root', () => {
    const err = domainError(() => parseOrThrow(z.string(), 5));
    expect(err.details).toHaveLength(1);
    expect(err.details![0].field).toBeUndefined();
    expect(err.toWire().details).toEqual([{ field: undefined, message: err.details![0].message }]);
  });

  it('reports at most 20 details', () => {
    const shape = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, z.string()]));
    const wide = z.object(shape);
    expect(wide.safeParse({}).error?.issues).toHaveLength(30);
    const err = domainError(() => parseOrThrow(wide, {}));
    expect(err.details).toHaveLength(20);
    expect(issuesToDetails(wide.safeParse({}).error!)).toHaveLength(20);
  });
});

describe('cursors', () => {
  const Position = z.object({ createdAt: z.string(), id: Uuid });
  const position = { createdAt: '2024-05-01T10:00:00.000Z', id: '3f0f3a4e-2b1c-4d5e-8f90-a1b2c3d4e5f6' };

  it('round-trips a position', () => {
    const cursor = encodeCursor(position);
    expect(decodeCursor(cursor, Position)).toEqual(position);
  });

  it('is opaque and URL-safe, so PageQuery accepts it', () => {
    const cursor = encodeCursor({ ...position, note: '>>>???///+++' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(position.id);
    expect(PageQuery.parse({ cursor }).cursor).toBe(cursor);
  });

  it('returns undefined for no cursor', () => {
    expect(decodeCursor(undefined, Position)).toBeUndefined();
    expect(decodeCursor('', Position)).toBeUndefined();
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['random base64url', Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('base64url')],
    ['valid JSON of the wrong shape', encodeCursor({ createdAt: 1, id: 'x' })],
    ['a tampered id', encodeCursor({ ...position, id: "1' OR '1'='1" })],
    ['JSON null', encodeCursor(null)],
    ['a truncated cursor', encodeCursor(position).slice(0, 20)],
  ])('returns undefined for %s', (_label, cursor) => {
    expect(decodeCursor(cursor, Position)).toBeUndefined();
  });
});

describe('PageQuery', () => {
  it('defaults the limit to 50', () => {
    expect(PageQuery.parse({})).toEqual({ limit: 50 });
  });

  it('coerces limit strings', () => {
    expect(PageQuery.parse({ limit: '20' })).toEqual({ limit: 20 });
    expect(PageQuery.parse({ limit: '1' }).limit).toBe(1);
    expect(PageQuery.parse({ limit: '100' }).limit).toBe(100);
  });

  it.each(['0', '101', '-1', '2.5', 'abc', 0, 101])('rejects limit %j', (limit) => {
    const err = domainError(() => parseOrThrow(PageQuery, { limit }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(fields(err)).toEqual(['limit']);
  });

  it('rejects a malformed or oversized cursor', () => {
    expect(fields(domainError(() => parseOrThrow(PageQuery, { cursor: 'abc=' })))).toEqual(['cursor']);
    expect(fields(domainError(() => parseOrThrow(PageQuery, { cursor: 'a b' })))).toEqual(['cursor']);
    expect(fields(domainError(() => parseOrThrow(PageQuery, { cursor: 'a'.repeat(513) })))).toEqual(['cursor']);
    expect(PageQuery.parse({ cursor: 'a'.repeat(512) }).cursor).toHaveLength(512);
  });
});

describe('auth contracts', () => {
  const registration = {
    email: 'ana.lopez@example.com',
    password: 'Tr0ub4dor-x',
    firstName: '  Ana ',
    lastName: 'Lopez',
    phone: '+1 (555) 123-4567',
  };

  it('are exported under the auth namespace with their patterns', () => {
    expect(contracts.auth.customerRegister).toBe(customerRegister);
    expect(customerRegister.pattern).toBe('auth.customer-register');
    expect(Object.values(authContracts).every((c) => c.pattern.startsWith('auth.'))).toBe(true);
    expect(new Set(Object.values(authContracts).map((c) => c.pattern)).size).toBe(Object.keys(authContracts).length);
  });

  describe('customerRegister', () => {
    it('accepts a valid registration and trims names', () => {
      expect(parseOrThrow(customerRegister.request, registration)).toEqual({ ...registration, firstName: 'Ana' });
      const { phone: _phone, ...withoutPhone } = registration;
      expect(parseOrThrow(customerRegister.request, withoutPhone)).not.toHaveProperty('phone');
    });

    it('rejects an extra role key (no self-promotion)', () => {
      const err = domainError(() => parseOrThrow(customerRegister.request, { ...registration, role: 'admin' }));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(fields(err)).toEqual(['role']);
    });

    it('rejects other extra keys such as status', () => {
      const err = domainError(() =>
        parseOrThrow(customerRegister.request, { ...registration, status: 'active', id: 'x' }),
      );
      expect(fields(err)).toEqual(['status,id']);
    });

    it.each([
      ['email', { email: 'not-an-email' }],
      ['email', { email: `${'a'.repeat(250)}@example.com` }],
      ['firstName', { firstName: '   ' }],
      ['lastName', { lastName: 'x'.repeat(101) }],
      ['phone', { phone: 'call me maybe' }],
      ['password', { password: 'x'.repeat(1025) }],
    ])('rejects a bad %s', (field, change) => {
      const err = domainError(() => parseOrThrow(customerRegister.request, { ...registration, ...change }));
      expect([...new Set(fields(err))]).toEqual([field]);
    });

    it('reports every missing field', () => {
      const err = domainError(() => parseOrThrow(customerRegister.request, {}));
      expect(fields(err).sort()).toEqual(['email', 'firstName', 'lastName', 'password']);
    });
  });

  describe('other requests', () => {
    it('login refuses extra keys and empty passwords', () => {
      expect(parseOrThrow(login.request, { username: 'admin', password: 'x' })).toEqual({
        username: 'admin',
        password: 'x',
      });
      expect(fields(domainError(() => parseOrThrow(login.request, { username: 'admin', password: '' })))).toEqual([
        'password',
      ]);
      expect(
        fields(domainError(() => parseOrThrow(login.request, { username: 'admin', password: 'x', remember: true }))),
      ).toEqual(['remember']);
    });

    it('changePassword refuses extra keys', () => {
      expect(
        fields(
          domainError(() =>
            parseOrThrow(changePassword.request, { currentPassword: 'a', newPassword: 'b', userId: 'someone' }),
          ),
        ),
      ).toEqual(['userId']);
    });

    it('createUser defaults branchIds, refuses the customer role and bad branch ids', () => {
      expect(parseOrThrow(createUser.request, { username: 'mech.1', password: 'x', role: 'staff' })).toEqual({
        username: 'mech.1',
        password: 'x',
        role: 'staff',
        branchIds: [],
      });
      const err = domainError(() =>
        parseOrThrow(createUser.request, { username: 'a b', password: 'x', role: 'customer', branchIds: ['nope'] }),
      );
      expect(fields(err).sort()).toEqual(['branchIds.0', 'role', 'username']);
    });

    it('listUsers coerces the limit, trims q and refuses unknown query keys', () => {
      expect(parseOrThrow(listUsers.request, { limit: '10', q: ' bob ' })).toEqual({ limit: 10, q: 'bob' });
      expect(fields(domainError(() => parseOrThrow(listUsers.request, { sort: 'name' })))).toEqual(['sort']);
      expect(fields(domainError(() => parseOrThrow(listUsers.request, { limit: '0' })))).toEqual(['limit']);
    });

    it('Empty refuses any key', () => {
      expect(parseOrThrow(Empty, {})).toEqual({});
      expect(fields(domainError(() => parseOrThrow(Empty, { x: 1 })))).toEqual(['x']);
    });
  });
});

describe('defineMessage', () => {
  it('returns the contract unchanged', () => {
    const contract = { pattern: 'x.y', access: 'public' as const, request: z.object({}), response: z.null() };
    expect(defineMessage(contract)).toBe(contract);
  });
});
