/**
 * `npm run events:replay -- --since <time> [--service <name>] [--dry-run]`: publishes again the
 * events the services' outboxes hold from that time on (ISO 8601, or `90m`, `6h`, `2d` ago), for
 * when JetStream lost them (a new NATS, a stream deleted) or after a database restore.
 *
 * It marks those outbox rows unpublished and relays them with the services' own OutboxRelay, so
 * the events go out exactly as they did the first time: same subject, same body, the event id as
 * `Nats-Msg-Id` (the stream drops an id it saw within its 10-minute window), oldest first. A
 * running service's relay may take some of the rows (FOR UPDATE SKIP LOCKED): it publishes them the
 * same way. Consumers are idempotent (inventory's processed_events, bookings' forward-only parts
 * status, the audit log's entry ids, the newest price wins), so a replay changes nothing that was
 * already applied. Outboxes keep published events 7 days (outbox-purge): older ones are gone.
 *
 * Uses DATABASE_URL (a role that may update each outbox) and NATS_URL, NATS_PREFIX, NATS_USER,
 * NATS_PASSWORD (a user that may publish the replayed services' events). If it cannot publish (a
 * NATS user without that right), the rows it marked stay unpublished and the running services'
 * relays publish them, each as its own NATS user.
 */
import { jetstream } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import {
  connectNats,
  createLogger,
  EVENT_DEDUPE_WINDOW_MS,
  EVENT_PUBLISHERS,
  maskSecrets,
  natsAuth,
  OutboxRelay,
  outboxSchemaOf,
  SERVICE_SCHEMAS,
  Sql,
} from '@garage/shared';
import { opsConfig } from './ops-config.js';

const USAGE = 'usage: npm run events:replay -- --since <ISO time | 90m | 6h | 2d> [--service <name>]… [--dry-run]';
const PUBLISHERS: (keyof typeof SERVICE_SCHEMAS)[] = [...new Set(Object.values(EVENT_PUBLISHERS))];

class Refusal extends Error {}

/** `2026-12-03T10:00:00Z`, or a span ago: `90m`, `6h`, `2d`. */
export function parseSince(text: string, now = Date.now()): Date | null {
  const span = /^(\d+)([mhd])$/.exec(text);
  if (span)
    return new Date(now - Number(span[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[span[2] as 'm' | 'h' | 'd']);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

function parseArgs(argv: string[]): { since: Date; services: typeof PUBLISHERS; dryRun: boolean } {
  let since: Date | null = null;
  const services: typeof PUBLISHERS = [];
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Refusal(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--since') {
      const text = value();
      since = parseSince(text);
      if (!since) throw new Refusal(`--since ${text}: not an ISO 8601 time nor a span such as 90m, 6h, 2d\n${USAGE}`);
    } else if (arg === '--service') {
      for (const name of value().split(',')) {
        const service = PUBLISHERS.find((p) => p === name);
        if (!service) throw new Refusal(`--service ${name}: the services with an outbox are ${PUBLISHERS.join(', ')}`);
        services.push(service);
      }
    } else throw new Refusal(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!since) throw new Refusal(`--since is required\n${USAGE}`);
  return { since, services: services.length ? services : PUBLISHERS, dryRun };
}

interface TypeCount {
  type: string;
  n: number;
}

/** The outbox's events from `since` on, by type. */
async function eventsSince(sql: Sql, schema: string, since: Date): Promise<TypeCount[]> {
  const rows = await sql.rows<{ type: string; n: string }>(
    `SELECT type, count(*) AS n FROM ${schema}.outbox WHERE occurred_at >= $1 GROUP BY type ORDER BY type`,
    [since],
  );
  return rows.map((r) => ({ type: r.type, n: Number(r.n) }));
}

const describe = (counts: TypeCount[]) => counts.map((c) => `${c.type} ×${c.n}`).join(', ') || 'none';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = opsConfig({});
  const db = new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    extra: { max: 2, application_name: 'garage-events-replay' },
  });
  await db.initialize().catch((err: Error) => {
    throw new Error(`cannot connect to PostgreSQL: ${err.message}`);
  });
  const sql = new Sql(db);
  try {
    if (Date.now() - args.since.getTime() < EVENT_DEDUPE_WINDOW_MS) {
      console.log(
        `events:replay: the stream drops an event id it saw in the last ${EVENT_DEDUPE_WINDOW_MS / 60_000} minutes, ` +
          'so events published that recently reach no consumer again unless the stream was lost',
      );
    }
    if (args.dryRun) {
      for (const service of args.services) {
        console.log(
          `events:replay: ${service} would publish ${describe(await eventsSince(sql, outboxSchemaOf(service), args.since))}`,
        );
      }
      return;
    }
    const nc = await connectNats(config.NATS_URL, 'events-replay', natsAuth(config));
    try {
      const js = jetstream(nc);
      const log = createLogger('events-replay', config.LOG_LEVEL);
      for (const service of args.services) {
        const schema = outboxSchemaOf(service);
        const counts = await eventsSince(sql, schema, args.since);
        const ids = (
          await sql.rows<{ id: string }>(
            `UPDATE ${schema}.outbox SET published_at = NULL WHERE occurred_at >= $1 AND published_at IS NOT NULL RETURNING id`,
            [args.since],
          )
        ).map((r) => r.id);
        const relay = new OutboxRelay({ db, js, schema, prefix: config.NATS_PREFIX, log });
        while ((await relay.relayOnce()) > 0);
        // A running service's relay may still hold some of them: wait for its commit.
        const deadline = Date.now() + 60_000;
        for (;;) {
          const left = await sql.one<{ n: string }>(
            `SELECT count(*) AS n FROM ${schema}.outbox WHERE id = ANY($1::uuid[]) AND published_at IS NULL`,
            [ids],
          );
          if (Number(left?.n ?? 0) === 0) break;
          if (Date.now() > deadline)
            throw new Error(`${service}: ${left?.n} replayed events still unpublished after 60 s`);
          await new Promise((r) => setTimeout(r, 200));
        }
        console.log(`events:replay: ${service} published ${describe(counts)}`);
      }
    } finally {
      await nc.close();
    }
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(
      err instanceof Refusal ? err.message : `events:replay failed: ${maskSecrets((err as Error).message)}`,
    );
    process.exit(err instanceof Refusal ? 2 : 1);
  });
}
