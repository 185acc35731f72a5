import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { DomainError, RpcClient, defineMessage, subjectOf } from '@garage/shared';
import { testEnv } from '../../../test/support/test-env.js';

// A fake responder on real NATS answers whatever each test says; the client is the product's.
const env = testEnv();
let nc: NatsConnection;
let rpc: RpcClient;

beforeAll(async () => {
  nc = await connect({ servers: env.NATS_URL });
  rpc = new RpcClient(nc, env.NATS_PREFIX, 2000);
});

afterAll(async () => {
  rpc.close();
  await nc.drain();
});

const contract = defineMessage({
  pattern: `fake.${randomUUID().slice(0, 8)}.get`,
  access: 'services',
  request: z.object({}),
  response: z.object({ id: z.uuid(), count: z.number().int(), note: z.string().default('none') }),
});

function answer(reply: string): void {
  const sub = nc.subscribe(subjectOf(env.NATS_PREFIX, contract.pattern), { max: 1 });
  void (async () => {
    for await (const msg of sub) msg.respond(new TextEncoder().encode(reply));
  })();
}

describe('RpcClient.request parses the reply by the contract', () => {
  it('returns the parsed reply (defaults applied, unknown keys dropped)', async () => {
    const id = randomUUID();
    answer(JSON.stringify({ id, count: 3, extra: 'x' }));
    await expect(rpc.request(contract, { principal: null, payload: {} })).resolves.toEqual({
      id,
      count: 3,
      note: 'none',
    });
  });

  it.each([
    ['a field of the wrong type', JSON.stringify({ id: randomUUID(), count: '3' })],
    ['a missing field', JSON.stringify({ id: randomUUID() })],
    ['null', 'null'],
    ['bytes that are not JSON', '{"id":'],
  ])('refuses %s as an INTERNAL error naming the message, never passing it on', async (_what, reply) => {
    answer(reply);
    const error = await rpc.request(contract, { principal: null, payload: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: `The fake service answered ${contract.pattern} in an unexpected shape`,
    });
  });
});
