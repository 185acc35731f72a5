import { randomUUID } from 'node:crypto';
import { PrincipalSchema, parsePrincipal } from './common';
import { RpcEnvelopeSchema, parseEnvelope } from '../nats/rpc-envelope';

const good = { kind: 'user', id: randomUUID(), role: 'staff', branchIds: [randomUUID()], sessionId: 'ab'.repeat(32) };

const cases: unknown[] = [
  good,
  { ...good, kind: 'customer', role: 'customer', branchIds: [] },
  { ...good, kind: 'robot' },
  { ...good, role: 'root' },
  { ...good, id: 'not-a-uuid' },
  { ...good, id: 42 },
  { ...good, branchIds: ['x'] },
  { ...good, branchIds: 'all' },
  { ...good, sessionId: 'AB'.repeat(32) },
  { ...good, sessionId: 'ab' },
  { ...good, sessionId: undefined },
  null,
  'admin',
  [],
  { ...good, extra: 'dropped' },
];

describe('parsePrincipal (the hand-written fast path) agrees with PrincipalSchema', () => {
  it.each(cases.map((c, i) => [i, c]))('case %i', (_i, value) => {
    const fast = parsePrincipal(value);
    const zod = PrincipalSchema.safeParse(value);
    expect(fast !== null).toBe(zod.success);
    if (zod.success) expect(fast).toEqual(zod.data);
  });
});

describe('parseEnvelope agrees with RpcEnvelopeSchema', () => {
  it.each([
    { principal: good, payload: { a: 1 }, clientIp: '10.0.0.1' },
    { principal: null, payload: {} },
    { principal: { ...good, role: 'root' }, payload: {} },
    { principal: null, payload: {}, clientIp: 5 },
    { principal: null, payload: {}, clientIp: 'x'.repeat(65) },
    { principal: null, payload: {}, timeoutMs: 5000 },
    { principal: null, payload: {}, timeoutMs: 0 },
    { principal: null, payload: {}, timeoutMs: 1.5 },
    { principal: null, payload: {}, device: { kind: 'user', accountId: 'a', id: 'b' } },
    { principal: null, payload: {}, device: { kind: 'admin', accountId: 'a', id: 'b' } },
    { principal: null, payload: {}, device: { kind: 'customer', accountId: '', id: 'b' } },
    { principal: null, payload: {}, device: { kind: 'customer', accountId: 'a', id: 'b'.repeat(65) } },
    { principal: null, payload: {}, device: 'trusted' },
    'not an object',
    null,
  ])('%p', (value) => {
    expect(parseEnvelope(value) !== null).toBe(RpcEnvelopeSchema.safeParse(value).success);
  });
});
