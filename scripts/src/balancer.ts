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
 * nothing of it was sent, so retrying cannot do it twice. A gateway that dies holding a request
 * leaves it unanswered: that one gets a 503 in API.md's shape, never a hang.
 */
export async function startBalancer(options: { port: number; host?: string; upstreams: number[] }): Promise<Balancer> {
  const upstreams = options.upstreams.map((port) => ({ port, refusedUntil: 0 }));
  let next = 0;
  const pick = (tried: Set<number>) => {
    const now = Date.now();
    const open = upstreams.filter((u) => !tried.has(u.port) && u.refusedUntil <= now);
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
