/**
 * The floor's front end: a hand-written `node:http` server doing what the gateway must do for the
 * benched endpoints (resolve the session in Redis, one NATS request, pass the JSON through) and
 * nothing else: no Nest, no Fastify plugins, no guards, no throttler, no validation, no request ids.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Msg } from '@nats-io/transport-node';
import { SessionStore, baseEnvSchema, connectNats, createRedis, loadConfig, redisReady } from '@garage/shared';
import { FLOOR_ERROR_HEADER, floorSubjects } from './settings.js';

const BODY_LIMIT_BYTES = 100 * 1024;
const RPC_TIMEOUT_MS = 5000;
const HEALTH_TIMEOUT_MS = 1500;
const ACCOUNT_FREE_FAILURES = 10;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const EMPTY = encoder.encode('{}');

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) reject(new HttpError(413, 'Request body is too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The reply's bytes, or the responder's error as an HttpError. */
function unwrap(reply: Msg): Uint8Array {
  if (reply.headers?.get(FLOOR_ERROR_HEADER)) {
    const { status, message } = JSON.parse(decoder.decode(reply.data)) as { status: number; message: string };
    throw new HttpError(status, message);
  }
  return reply.data;
}

async function main(): Promise<void> {
  const config = loadConfig(baseEnvSchema);
  const port = Number(process.env.FLOOR_PORT || 5098);
  const redis = createRedis(config.REDIS_URL, 'bench-floor-server');
  await redisReady(redis);
  const nc = await connectNats(config.NATS_URL, 'bench-floor-server');
  const sessions = new SessionStore(redis, config.SECRET_KEY);
  const subjects = floorSubjects(config.NATS_PREFIX);

  // The gateway's aggregate health: its own Redis and NATS, plus the service's health over NATS.
  async function health(res: ServerResponse): Promise<void> {
    const [, , reply] = await Promise.all([
      redis.ping(),
      nc.flush(),
      nc.request(subjects.health, EMPTY, { timeout: HEALTH_TIMEOUT_MS }),
    ]);
    const service = JSON.parse(decoder.decode(unwrap(reply))) as { status: string };
    const body = {
      status: 'healthy',
      timestamp: new Date().toISOString(),
      database: 'connected',
      sessions_cleaned: 0,
      version: '2.0.0',
      environment: 'development',
      services: { floor: service.status },
      redis: 'connected',
      nats: 'connected',
    };
    send(res, 200, JSON.stringify(body), { 'cache-control': 'no-store' });
  }

  async function me(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    const principal = token ? await sessions.resolve(token) : null;
    if (!principal) throw new HttpError(401, 'Sign in first');
    const reply = await nc.request(subjects.me, encoder.encode(JSON.stringify({ principal })), {
      timeout: RPC_TIMEOUT_MS,
    });
    send(res, 200, unwrap(reply));
  }

  async function customerLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let input: { email?: unknown; password?: unknown };
    try {
      input = JSON.parse(await readBody(req)) as typeof input;
    } catch (err) {
      throw err instanceof HttpError ? err : new HttpError(400, 'Malformed JSON body');
    }
    const { email, password } = input;
    if (typeof email !== 'string' || typeof password !== 'string') throw new HttpError(400, 'email and password');
    // One Redis round trip for the login limit: the account's recent failures.
    const [failures] = await redis.hmget(`floor:loginfail:acct:customer:${email.toLowerCase()}`, 'failures', 'last');
    if (Number(failures ?? 0) >= ACCOUNT_FREE_FAILURES) throw new HttpError(429, 'Too many failed sign-in attempts');
    const reply = await nc.request(subjects.customerLogin, encoder.encode(JSON.stringify({ email, password })), {
      timeout: RPC_TIMEOUT_MS,
    });
    const bytes = unwrap(reply);
    const session = JSON.parse(decoder.decode(bytes)) as { token: string; expiresAt: string };
    const cookie = `session=${session.token}; Path=/; Expires=${new Date(session.expiresAt).toUTCString()}; HttpOnly; SameSite=Lax`;
    send(res, 200, bytes, { 'set-cookie': cookie });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    let handled: Promise<void>;
    if (req.method === 'GET' && (path === '/api/health' || path === '/health')) handled = health(res);
    else if (req.method === 'GET' && path === '/api/me') handled = me(req, res);
    else if (req.method === 'POST' && path === '/api/customer-login') handled = customerLogin(req, res);
    else handled = Promise.reject(new HttpError(404, 'Not found'));
    handled.catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 503;
      const message = err instanceof HttpError ? err.message : 'Service unavailable';
      if (!res.headersSent) send(res, status, JSON.stringify({ statusCode: status, message }));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close(() => {
      void nc
        .drain()
        .catch(() => undefined)
        .then(() => {
          redis.disconnect();
          process.exit(0);
        });
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Started by the bench with an IPC channel: if the bench dies, so does the floor.
  process.on('disconnect', stop);
}

main().catch((err) => {
  console.error(`floor server failed to start: ${(err as Error).message}`);
  process.exit(1);
});
