import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import {
  DomainError,
  RpcClient,
  connectNats,
  statusOf,
  type ErrorCode,
  type ErrorDetail,
  type MessageContract,
  type Principal,
  type RunningService,
} from '@garage/shared';
import { LEAK } from './http.js';
import { forgetEarlierEvents } from './system.js';
import { testEnv } from './test-env.js';

/**
 * The service tier's way in (CONTRIBUTING.md, Tests): a service runs on the real servers and the test
 * talks to it as the gateway does, a NATS request with a principal built in the test, plus a line to
 * the test database to see what was stored. The services it calls are answered by fakes built on
 * fake-responder.ts, on this line's connection.
 */
export interface ServiceLine {
  nc: NatsConnection;
  rpc: RpcClient;
  db: pg.Pool;
  /** The text of every answer `call` got (replies and errors alike), for a suite's leak check. */
  answers: string[];
  close(): Promise<void>;
}

/** Opens a line: a NATS connection of the test's own under the run's prefix, an RpcClient on it, a pool. */
export async function openLine(name: string, poolSize = 4): Promise<ServiceLine> {
  const env = testEnv();
  const nc = await connectNats(env.NATS_URL, name);
  const rpc = new RpcClient(nc, env.NATS_PREFIX, 10_000);
  const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: poolSize });
  return {
    nc,
    rpc,
    db,
    answers: [],
    async close() {
      rpc.close();
      await nc.close();
      await db.end();
    },
  };
}

/** A service running alone, the line to it and the fakes answering for the services it calls. */
export interface AloneWorld<F> extends ServiceLine {
  /** The running service; a test may restart it by assigning a new one (close() stops the one running then). */
  service: RunningService;
  fakes: F;
}

/**
 * Starts one service alone on the real servers: the run's event stream emptied first (as startSystem
 * does, so the service does not first work off what earlier suites left), a line opened, the fakes
 * answering on it (before the service starts: some services ask at start), then the service.
 * close() stops the service, the fakes and the line.
 */
export async function startAlone<F extends { stop(): void }>(
  name: string,
  fakes: (line: ServiceLine) => F,
  start: () => Promise<RunningService>,
): Promise<AloneWorld<F>> {
  await forgetEarlierEvents();
  const line = await openLine(name);
  const stand = fakes(line);
  let service: RunningService;
  try {
    service = await start();
  } catch (err) {
    stand.stop();
    await line.close();
    throw err;
  }
  const world: AloneWorld<F> = {
    ...line,
    service,
    fakes: stand,
    async close() {
      await world.service.close();
      world.fakes.stop();
      await line.close();
    },
  };
  return world;
}

/** A principal as the gateway would send it (services trust the envelope; the gateway authenticates). */
export function principal(role: Principal['role'], branchIds: string[] = []): Principal {
  return {
    kind: role === 'customer' ? 'customer' : 'user',
    id: randomUUID(),
    role,
    branchIds,
    sessionId: randomBytes(32).toString('hex'),
  };
}

/**
 * What a call came to, as HTTP would say it: the status the gateway maps the result to (the contract's
 * success status, or the error code's), the reply, or the error's code, message and details.
 */
export interface Outcome<T> {
  status: number;
  body: T;
  code?: ErrorCode;
  message?: string;
  details?: ErrorDetail[];
}

const decoder = new TextDecoder();

/**
 * Sends a message with a principal (null: no session) and a payload as the client sent it (the
 * service parses it, so a payload of the wrong shape is the test's to send). The reply is parsed by
 * the contract, as RpcClient.request does: an answer off the contract is a 500.
 */
export async function call<C extends MessageContract>(
  line: Pick<ServiceLine, 'rpc' | 'answers'>,
  contract: C,
  who: Principal | null,
  payload: unknown,
): Promise<Outcome<z.output<C['response']>>> {
  let text: string;
  try {
    text = decoder.decode(await line.rpc.requestRaw(contract.pattern, { principal: who, payload }));
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    line.answers.push(JSON.stringify(err.toWire()));
    const { code, message, details } = err;
    return { status: statusOf(code), body: undefined as never, code, message, details };
  }
  line.answers.push(text);
  const parsed = contract.response.safeParse(text ? JSON.parse(text) : undefined);
  if (!parsed.success) {
    return { status: 500, body: undefined as never, code: 'INTERNAL', message: `off-contract answer: ${text}` };
  }
  return { status: contract.http?.status ?? 200, body: parsed.data as z.output<C['response']> };
}

/** Like call, but the test cannot go on without success. */
export async function ok<C extends MessageContract>(
  line: Pick<ServiceLine, 'rpc' | 'answers'>,
  contract: C,
  who: Principal | null,
  payload: unknown,
): Promise<z.output<C['response']>> {
  const res = await call(line, contract, who, payload);
  if (res.status >= 300) throw new Error(`${contract.pattern} failed: ${res.status} ${res.code} ${res.message}`);
  return res.body;
}

/** Registers a check after the suite: no answer the line got carried a hash, a stack trace or SQL. */
export function expectNoLeaks(line: () => Pick<ServiceLine, 'answers'> | undefined): void {
  afterAll(() => {
    const answers = line()?.answers ?? [];
    for (const text of answers) expect(text).not.toMatch(LEAK);
  });
}
