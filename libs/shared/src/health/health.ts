import { createServer, type Server } from 'node:http';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import { Registry, collectDefaultMetrics, Counter, Gauge, Histogram } from 'prom-client';

/** What Metrics.counter gives a service (prom-client's type, so services need not depend on it). */
export type { Counter } from 'prom-client';

/** A named dependency probe: resolves true when the dependency answers. */
export type HealthCheck = () => Promise<boolean>;

/** Runs every check with a deadline; a check that throws or is late counts as down. */
export async function runChecks(
  checks: Record<string, HealthCheck>,
  timeoutMs = 1500,
): Promise<Record<string, 'up' | 'down'>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const ok = await Promise.race([check().catch(() => false), late]);
      clearTimeout(timer);
      return [name, ok ? 'up' : 'down'] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Probe for Redis. */
export const redisCheck =
  (redis: Redis): HealthCheck =>
  async () =>
    (await redis.ping()) === 'PONG';

/** Probe for NATS: a round trip to the server. */
export const natsCheck =
  (nc: NatsConnection): HealthCheck =>
  async () => {
    if (nc.isClosed()) return false;
    await nc.flush();
    return true;
  };

/** Probe for Postgres through any `query` function (TypeORM DataSource or pg Pool). */
export const postgresCheck =
  (db: { query: (sql: string) => Promise<unknown> }): HealthCheck =>
  async () => {
    await db.query('SELECT 1');
    return true;
  };

/** Prometheus metrics of one process. */
export class Metrics {
  readonly registry = new Registry();
  readonly messages: Counter<'pattern' | 'outcome'>;
  readonly duration: Histogram<'pattern'>;
  readonly inFlight: Gauge<'pattern'>;
  readonly eventsPublished: Counter<'type'>;
  readonly eventsHandled: Counter<'durable' | 'outcome'>;
  readonly eventsDeadLettered: Counter<'durable' | 'type'>;
  readonly deadLetterReplays: Counter<'durable' | 'outcome'>;
  readonly jobRuns: Counter<'job' | 'outcome'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.messages = new Counter({
      name: 'garage_messages_total',
      help: 'Messages handled, by pattern and outcome',
      labelNames: ['pattern', 'outcome'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'garage_message_duration_seconds',
      help: 'Time to handle a message',
      labelNames: ['pattern'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.inFlight = new Gauge({
      name: 'garage_messages_in_flight',
      help: 'Messages taken and not yet answered, by pattern (a backlog shows here before timeouts do)',
      labelNames: ['pattern'],
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({
      name: 'garage_events_published_total',
      help: 'Events the outbox relay had acknowledged by JetStream, by type',
      labelNames: ['type'],
      registers: [this.registry],
    });
    this.eventsHandled = new Counter({
      name: 'garage_events_handled_total',
      help: 'Events handled by a durable consumer, by outcome (ok, retry, dead_lettered)',
      labelNames: ['durable', 'outcome'],
      registers: [this.registry],
    });
    this.eventsDeadLettered = new Counter({
      name: 'garage_events_dead_lettered_total',
      help: 'Events a durable consumer gave up to the dead-letter stream (failing on every delivery, or unreadable), by type',
      labelNames: ['durable', 'type'],
      registers: [this.registry],
    });
    this.deadLetterReplays = new Counter({
      name: 'garage_dead_letter_replays_total',
      help: 'Dead letters an admin replayed, by outcome (applied, failed: still a dead letter)',
      labelNames: ['durable', 'outcome'],
      registers: [this.registry],
    });
    this.jobRuns = new Counter({
      name: 'garage_job_runs_total',
      help: 'Runs of scheduled jobs, by outcome (ok, failed, skipped: another replica held the job)',
      labelNames: ['job', 'outcome'],
      registers: [this.registry],
    });
  }

  /** A counter of a service's own (its business counters, e.g. garage_bookings_created_total{branch}). */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge read when scraped (e.g. how many events wait in the outbox). */
  gaugeOf(name: string, help: string, read: () => Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read().catch(() => -1));
      },
    });
  }

  /** A gauge with one series per value of `label`, each read when scraped (-1 when it cannot be read). */
  gaugeFor(
    name: string,
    help: string,
    label: string,
    values: string[],
    read: (value: string) => Promise<number>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        const counts = await Promise.all(values.map((v) => read(v).catch(() => -1)));
        values.forEach((v, i) => this.set({ [label]: v }, counts[i]!));
      },
    });
  }
}

/**
 * The small HTTP port of a service: `/health/live` (the process answers), `/health/ready`
 * (every dependency answers; 503 if not, and 503 once `draining` says the process is stopping) and
 * `/metrics` (Prometheus text, with the same checks as `garage_dependency_up{dependency}`).
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  service: string;
  checks: Record<string, HealthCheck>;
  metrics: Metrics;
  /** True once SIGTERM started the drain: not ready any more, whatever the dependencies say. */
  draining?: () => boolean;
}): Promise<Server> {
  // What /health/ready answers, for Prometheus too: a process that is up but cut off from a dependency.
  options.metrics.gaugeFor(
    'garage_dependency_up',
    'Whether each dependency answered its check at this scrape (1) or not (0), as /health/ready checks them',
    'dependency',
    Object.keys(options.checks),
    async (name) => +((await runChecks({ [name]: options.checks[name] }))[name] === 'up'),
  );
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(405, JSON.stringify({ status: 'method not allowed' }));
    if (path === '/health/live') return send(200, JSON.stringify({ status: 'up', service: options.service }));
    if ((path === '/health/ready' || path === '/health') && options.draining?.())
      return send(503, JSON.stringify({ status: 'draining', service: options.service }));
    if (path === '/health/ready' || path === '/health') {
      void runChecks(options.checks).then((checks) => {
        const up = Object.values(checks).every((c) => c === 'up');
        send(up ? 200 : 503, JSON.stringify({ status: up ? 'up' : 'down', service: options.service, checks }));
      });
      return;
    }
    if (path === '/metrics') {
      void options.metrics.registry.metrics().then((text) => send(200, text, options.metrics.registry.contentType));
      return;
    }
    send(404, JSON.stringify({ status: 'not found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return server;
}
