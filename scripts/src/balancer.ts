import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { httpErrorBody } from '@garage/shared';

/** The body a client may send through the balancer; the gateway's own limit (100 KiB) is far lower. */
const MAX_BODY_BYTES = 1024 * 1024;
/** An upstream that refused a connection is skipped this long before it is tried again. */
const REFUSED_PAUSE_MS = 1000;
/** How often the balancer reads each gateway's /health/ready. */
const READINESS_EVERY_MS = 200;
/** Methods that change nothing: a request of one that failed before any answer may go to another gateway. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Headers of one hop only (RFC 9110 §7.6.1): not passed on either way. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

export interface Balancer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * `npm start`'s front door when the gateway runs as several replicas (Node 20 has no reusePort, so
 * they cannot share port 5000): each request goes to the next gateway in turn, over a connection of
 * its own, with the client's address appended to X-Forwarded-For. A gateway that refuses the
 * connection (stopping, restarting) is skipped for a second and the request goes to the next one:
 * nothing of it was sent, so retrying cannot do it twice. Given health ports, it follows each
 * gateway's readiness, so a stopping one (lame duck: not ready, still serving) gets no new requests
 * before it closes its listener. A gateway that dies holding a request leaves it unanswered: a GET
 * goes to another gateway, anything else gets a 503 in API.md's shape, never a hang.
 */
export async function startBalancer(options: {
  port: number;
  host?: string;
  /** Each gateway's HTTP port and, to follow its readiness, its health port. */
  upstreams: { port: number; healthPort?: number }[];
}): Promise<Balancer> {
  const upstreams = options.upstreams.map((u) => ({ ...u, refusedUntil: 0, ready: true }));
  // A gateway whose /health/ready says 503 (stopping: it serves on a moment, see SHUTDOWN_LAMEDUCK_MS)
  // or does not answer gets no new requests while another one is ready.
  const readiness = setInterval(() => {
    for (const u of upstreams) {
      if (!u.healthPort) continue;
      fetch(`http://127.0.0.1:${u.healthPort}/health/ready`, { signal: AbortSignal.timeout(READINESS_EVERY_MS * 2) })
        .then((r) => (u.ready = r.ok))
        .catch(() => (u.ready = false));
    }
  }, READINESS_EVERY_MS);
  readiness.unref();
  let next = 0;
  const pick = (tried: Set<number>) => {
    const now = Date.now();
    const open = upstreams.filter((u) => !tried.has(u.port) && u.refusedUntil <= now && u.ready);
    const candidates = open.length ? open : upstreams.filter((u) => !tried.has(u.port));
    if (!candidates.length) return undefined;
    return candidates[next++ % candidates.length];
  };

  const server = createServer((req, res) => {
    void readBody(req).then(
      (body) => forward(req, res, body, new Set()),
      () => refuse(res, 413, 'Request body too large'),
    );
  });

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, tried: Set<number>): void {
    const upstream = pick(tried);
    if (!upstream) return refuse(res, 503, 'No gateway is answering');
    tried.add(upstream.port);
    const out = request(
      {
        host: '127.0.0.1',
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: upstreamHeaders(req, body.length),
        agent: false,
      },
      (answer) => {
        const headers = { ...answer.headers };
        for (const h of HOP_BY_HOP) delete headers[h];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
        answer.once('error', () => res.destroy());
      },
    );
    out.once('error', (err: NodeJS.ErrnoException) => {
      if (res.headersSent) return res.destroy();
      if (err.code === 'ECONNREFUSED') {
        upstream.refusedUntil = Date.now() + REFUSED_PAUSE_MS;
        return forward(req, res, body, tried);
      }
      // Nothing answered yet and the request changes nothing: another gateway may answer it (as nginx's
      // proxy_next_upstream does). A POST is not sent twice: the first gateway may have acted on it.
      if (IDEMPOTENT.has(req.method ?? '')) return forward(req, res, body, tried);
      refuse(res, 503, 'The gateway stopped before answering');
    });
    out.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(readiness);
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function upstreamHeaders(req: IncomingMessage, length: number): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...req.headers };
  for (const h of HOP_BY_HOP) delete headers[h];
  const client = req.socket.remoteAddress ?? '';
  const forwarded = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwarded ? `${String(forwarded)}, ${client}` : client;
  headers['content-length'] = String(length);
  if (!length && (req.method === 'GET' || req.method === 'HEAD')) delete headers['content-length'];
  headers.connection = 'close';
  return headers;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** An answer of the balancer's own, in API.md's error shape; the client's connection closes after it. */
function refuse(res: ServerResponse, status: 413 | 503, message: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(JSON.stringify(httpErrorBody(status, message)));
}
