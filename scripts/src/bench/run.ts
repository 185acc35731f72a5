/**
 * `npm run bench`: the product (gateway + auth, inventory and catalog services as real child processes)
 * against a floor (a hand-written node:http server + NATS responder doing the same Redis/NATS/SQL/argon2
 * work), alternately, on GET /api/health, an authenticated GET /api/me and POST /api/customer-login;
 * then whether customer logins at full tilt stall /api/me; then, on the product alone (no floor), the
 * service catalog, the cost calculator and the stock adjust; then availability and booking creation with the
 * bookings table seeded to each size of BENCH_BOOKINGS_ROWS. Prints tables and writes
 * bench-results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { ensureDatabase } from '@garage/shared';
import { missingDependencies } from '../dependencies.js';
import { benchBookings, bookingsSeconds, type BookingsReport } from './bookings-bench.js';
import { formatBookings } from './bookings-report.js';
import { ROOT, stopAll } from '../processes.js';
import {
  benchProductOnly,
  checkProductOnly,
  formatProductOnly,
  pickDemoIds,
  productOnlyEndpoints,
  productOnlySeconds,
  type ProductOnlyEndpoint,
  type ProductOnlyReport,
} from './catalog-bench.js';
import { Bench, PROCESSES, SYSTEMS, endpoints, estimateSeconds } from './comparison.js';
import { idleMachineLoad } from './cpu.js';
import { stopAllLoads } from './load.js';
import { formatReport, type EndpointReport, type StallReport, type SystemName } from './report.js';
import { benchSettings, type BenchSettings } from './settings.js';
import { claimRedisIndex, portInUse, startSystems } from './systems.js';

/**
 * The public lists (cached in the gateway, ETag/304) against the floor's authenticated /api/me of the same
 * run: the busiest reads of a booking site should serve at least that rate.
 */
function publicListsVsFloor(lists: ProductOnlyReport[], compared: EndpointReport[]): string[] {
  const floorMe = compared.find((e) => e.name === 'me')?.floor.reqPerSec;
  if (!floorMe) return [];
  return lists
    .filter((r) => r.name === 'service-catalog' || r.name === 'branches')
    .map((r) => {
      const ratio = r.product.reqPerSec / floorMe;
      return (
        `${r.method} ${r.path}: ${r.product.reqPerSec.toFixed(0)} req/s = ${ratio.toFixed(2)}× the floor's /api/me ` +
        `(${floorMe.toFixed(0)} req/s)${ratio >= 1 ? '' : '  ⚠ below the floor'}`
      );
    });
}

function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function preflight(s: BenchSettings): Promise<void> {
  const missing = await missingDependencies({
    ...process.env,
    DATABASE_URL: s.databaseUrl,
    REDIS_URL: s.redisUrl,
    NATS_URL: s.natsUrl,
  });
  if (missing.length) {
    throw new Error(
      missing
        .map((d) => `Cannot reach ${d.name} at ${new URL(d.url).host}. Start it with:\n    ${d.howToStart}`)
        .join('\n'),
    );
  }
  const ports = [
    s.gatewayPort,
    s.gatewayHealthPort,
    s.authHealthPort,
    s.inventoryHealthPort,
    s.bookingsHealthPort,
    s.catalogHealthPort,
    s.floorPort,
  ];
  for (const port of ports) {
    if (await portInUse(port)) {
      throw new Error(`Port ${port} is already in use (a leftover bench?); stop it or choose BENCH_*PORT`);
    }
  }
  if (await ensureDatabase(s.databaseUrl)) console.log(`Created database ${new URL(s.databaseUrl).pathname.slice(1)}`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const s = benchSettings();
  const bench = new Bench(s);
  let release: (() => Promise<void>) | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      bench.stopping = true;
      stopAllLoads();
      await stopAll(bench.procs);
      await release?.().catch(() => undefined);
    })());
  const interrupt = (signal: string, code: number) => {
    if (cleaning) return;
    console.error(`\n${signal}: stopping the processes under test…`);
    void cleanup().then(() => process.exit(code));
  };
  process.on('SIGINT', () => interrupt('SIGINT', 130));
  process.on('SIGTERM', () => interrupt('SIGTERM', 143));

  try {
    const cpu = cpus();
    console.log(
      `Bench: ${s.connections} connections, ${s.warmupSeconds} s warm-up + ${s.seconds} s measured, ` +
        `${s.rounds} round(s) per system; about ${estimateSeconds(s) + productOnlySeconds(s) + bookingsSeconds(s)} s of load on ${cpu.length} CPU(s) ` +
        `(${cpu[0]?.model.trim() ?? 'unknown'}).`,
    );
    await preflight(s);
    release = await claimRedisIndex(s.redisUrl);
    console.log(
      'Starting the product (auth, inventory, catalog, bookings, gateway) and the floor (responder, server)…',
    );
    const startup = Date.now();
    await startSystems(s, bench.procs);
    bench.watchProcesses();
    console.log(`Started in ${((Date.now() - startup) / 1000).toFixed(1)} s.`);
    const token = await bench.prepare();
    // Found and tried before any load, so a catalog or inventory that does not answer shows in seconds;
    // the comparison still runs without them.
    let productOnly: ProductOnlyEndpoint[] = [];
    let productOnlySkipped: string | undefined;
    try {
      const ids = await pickDemoIds(bench.base.product, token, s.connections);
      productOnly = productOnlyEndpoints(bench.base.product, token, ids);
      await checkProductOnly(productOnly);
    } catch (err) {
      productOnlySkipped = (err as Error).message;
      productOnly = [];
      console.warn(`⚠ the product-only endpoints (catalog, inventory) are skipped: ${productOnlySkipped}`);
      process.exitCode = 1;
    }
    const busyBeforeStart = await idleMachineLoad();
    if (busyBeforeStart !== undefined && busyBeforeStart > 0.25) {
      console.warn(
        `⚠ Before any load, something else keeps ${busyBeforeStart.toFixed(2)} of ${cpus().length} cores busy: ` +
          'every number below will be lower and noisier than on an idle machine.',
      );
    }

    const list = endpoints(token);
    const results: EndpointReport[] = [];
    for (const e of list) results.push(await bench.endpoint(e));

    console.log(
      `\nLogin must not stall other traffic (${s.stallConnections} + ${s.stallConnections} connections, ${s.stallSeconds} s)`,
    );
    const [, me, login] = list;
    const stall: Partial<Record<SystemName, StallReport>> = {};
    for (const system of SYSTEMS) stall[system] = await bench.stall(system, me, login);

    const productOnlyResults: ProductOnlyReport[] = [];
    if (productOnly.length) console.log('\nProduct only, no floor: catalog and inventory');
    for (const e of productOnly) productOnlyResults.push(await benchProductOnly(bench, e));

    // Seeds the bookings table (up to a million rows by default), so it comes last.
    let bookingsReport: BookingsReport | undefined;
    let bookingsSkipped: string | undefined;
    if (s.bookingsRows.length) {
      console.log(`\nProduct only, no floor: bookings at ${s.bookingsRows.join(', ')} table rows`);
      try {
        bookingsReport = await benchBookings(bench, bench.base.product, token);
      } catch (err) {
        if (bench.stopping) throw err;
        bookingsSkipped = (err as Error).message;
        console.warn(`⚠ the bookings bench failed: ${bookingsSkipped}`);
        process.exitCode = 1;
      }
    }

    const finishedAt = new Date();
    const durationSeconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
    console.log(`\n${formatReport(results, stall, PROCESSES)}`);
    if (productOnlyResults.length) console.log(`\n${formatProductOnly(productOnlyResults)}`);
    const listsVsFloor = publicListsVsFloor(productOnlyResults, results);
    if (listsVsFloor.length) console.log(`\n${listsVsFloor.join('\n')}`);
    if (productOnlySkipped) console.warn(`\n⚠ product-only endpoints skipped: ${productOnlySkipped}`);
    if (bookingsReport) console.log(`\n${formatBookings(bookingsReport)}`);
    if (bookingsSkipped) console.warn(`\n⚠ bookings bench failed: ${bookingsSkipped}`);
    const out = resolve(ROOT, 'bench-results', 'latest.json');
    await mkdir(resolve(ROOT, 'bench-results'), { recursive: true });
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds,
      machine: {
        cpus: cpu.length,
        cpuModel: cpu[0]?.model.trim(),
        node: process.version,
        platform: process.platform,
        busyCoresBeforeStart: busyBeforeStart,
      },
      settings: { ...s, databaseUrl: withoutPassword(s.databaseUrl), redisUrl: withoutPassword(s.redisUrl) },
      notes: [
        'reqPerSecRatio = product req/s ÷ floor req/s (higher is better); p99Ratio = product p99 ÷ floor p99 (lower is better)',
        'latencies in ms, 2xx responses only; percentiles over every measured request of every round',
        'product /api/health runs with HEALTH_CACHE_MS=0 unless BENCH_HEALTH_CACHE_MS is set',
        'cpuSeconds: user+system CPU of each process during a measured run (/proc); "machine" = every core of the host, ' +
          '"other" = the machine minus the processes under test, the load generator, Postgres, Redis and NATS ' +
          '(above ~0.25 cores the run was disturbed); cpuMicrosPerRequest = cpuSeconds ÷ 2xx responses',
        'productOnlyEndpoints: catalog and inventory, measured on the product alone (there is no floor for them, ' +
          'so no ratios); statusCodes = every measured response by status; conflicts = 409 responses',
        'bookings: availability and booking creation per bookings table size (phases); seed.seconds = INSERTs, ' +
          'seed.vacuumSeconds = VACUUM ANALYZE after them; ratios = last phase ÷ first (flat: req/s ≥ 0.5×, p99 ≤ 2×)',
      ],
      endpoints: results,
      productOnlyEndpoints: productOnlyResults,
      ...(productOnlySkipped ? { productOnlySkipped } : {}),
      ...(bookingsReport ? { bookings: bookingsReport } : {}),
      ...(bookingsSkipped ? { bookingsSkipped } : {}),
      stall,
    };
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${out}. Whole bench took ${durationSeconds.toFixed(0)} s.`);
  } catch (err) {
    if (!cleaning) {
      console.error(`\nBench failed: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

void main();
