/**
 * The bookings benchmark (product only, no floor): availability at a busy branch and booking
 * creation by many concurrent customers, each measured with the bookings table seeded to every
 * size of BENCH_BOOKINGS_ROWS in turn (10,000 then 1,000,000 by default); both should stay flat.
 */
import { OTHER_FUTURE_DAYS, resetBookings, seedBookings, type SeedResult } from './bookings-seed.js';
import {
  addDays,
  availabilityTarget,
  createTarget,
  localDate,
  prepareBookings,
  type BookingsSetup,
} from './bookings-setup.js';
import { PROCESSES } from './comparison.js';
import type { Target } from './load.js';
import { runLine, type SystemSummary } from './report.js';
import { INFRASTRUCTURE, LOAD_GENERATOR, OTHER, call, summarizeRuns, type Runner } from './runner.js';
import type { BenchSettings } from './settings.js';

/** The product's processes, bookings included (it serves both endpoints). */
export const BOOKINGS_PROCESSES = PROCESSES.product;
/** Share of the smallest table size that belongs to the busy branch (the same in every phase). */
const BUSY_SHARE = 0.8;
/** Free slots collected per second of creation load: more than this many bookings/s would run out. */
const CREATE_RATE_CEILING = 1000;
/** A ratio 1M/10k beyond this (p99 up, or req/s down) is not flat. */
export const FLAT_LIMIT = 2;

export interface BookingsEndpointReport {
  name: 'availability' | 'create';
  method: string;
  path: string;
  request: string;
  connections: number;
  product: SystemSummary;
  statusCodes: Record<string, number>;
  /** 201 responses (create) or 200 (availability). */
  ok: number;
  /** 409 responses: for create, the slot was taken (or the slots ran out). */
  conflicts: number;
}

export interface BookingsPhase {
  targetRows: number;
  seed: SeedResult;
  /** Free start times availability answers for the measured date (before the load). */
  availabilitySlots: number;
  /** Free slots the creation load could book before asking for taken ones. */
  createSlots: number;
  createSlotsExhausted: boolean;
  availability: BookingsEndpointReport;
  create: BookingsEndpointReport;
}

export interface Ratio {
  reqPerSec: number;
  p99: number;
  flat: boolean;
}

export interface BookingsReport {
  busyBranch: { id: string; name: string; seededBookings: number; technicians: number };
  availabilityDate: string;
  availabilityServices: string[];
  createService: string;
  customers: number;
  reset: { deleted: number; seconds: number };
  phases: BookingsPhase[];
  /** Last phase ÷ first (req/s: lower is worse; p99: higher is worse); flat = within FLAT_LIMIT. */
  ratios?: { fromRows: number; toRows: number; availability: Ratio; create: Ratio };
}

/** Warm-up, rounds and drains of one endpoint, like the catalog's product-only endpoints. */
async function measureEndpoint(
  runner: Runner,
  name: BookingsEndpointReport['name'],
  target: Target,
  path: string,
  request: string,
): Promise<BookingsEndpointReport> {
  const { s } = runner;
  console.log(`  ${target.method} ${path} (${s.connections} connections; ${request})`);
  const runs = [];
  for (let round = 0; round < s.rounds; round++) {
    const m = await runner.measure(target, s.connections, round === 0 ? s.warmupSeconds : 0, s.seconds);
    const label = `product round ${round + 1}`;
    console.log(runLine(label, m.result, ['bookings', 'gateway', 'catalog', LOAD_GENERATOR, INFRASTRUCTURE, OTHER]));
    runner.flagDisturbance(label, m.result);
    runs.push(m);
  }
  const statusCodes: Record<string, number> = {};
  for (const m of runs) {
    for (const [code, n] of Object.entries(m.result.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  }
  const okCode = name === 'create' ? '201' : '200';
  return {
    name,
    method: target.method,
    path,
    request,
    connections: s.connections,
    product: summarizeRuns(runs, BOOKINGS_PROCESSES),
    statusCodes,
    ok: statusCodes[okCode] ?? 0,
    conflicts: statusCodes['409'] ?? 0,
  };
}

const ratio = (from: BookingsEndpointReport, to: BookingsEndpointReport): Ratio => {
  const r = { reqPerSec: to.product.reqPerSec / from.product.reqPerSec, p99: to.product.p99 / from.product.p99 };
  return { ...r, flat: r.reqPerSec >= 1 / FLAT_LIMIT && r.p99 <= FLAT_LIMIT };
};

/** Registers the customers, then per table size: seed, availability, creation. */
export async function benchBookings(runner: Runner, base: string, adminToken: string): Promise<BookingsReport> {
  const { s } = runner;
  const setup: BookingsSetup = await prepareBookings(base, adminToken, s.connections);
  const busyShare = Math.round(BUSY_SHARE * Math.min(...s.bookingsRows));
  console.log(
    `Busy branch "${setup.busy.name}" (${setup.busy.id}, ${setup.busy.technicianIds.length} technicians): ` +
      `${busyShare.toLocaleString('en-US')} seeded bookings; availability on ${setup.availabilityDate} for ` +
      `${setup.availabilityServices.map((svc) => `${svc.code} (${svc.durationMinutes} min)`).join(' + ')}; ` +
      `${setup.customers.length} customers book ${setup.createService.code} (${setup.createService.durationMinutes} min) ` +
      `at ${setup.branches.map((b) => b.name).join(', ')}.`,
  );
  const reset = await resetBookings(s.databaseUrl);
  console.log(
    `Reset: deleted ${reset.deleted.toLocaleString('en-US')} seeded/bench-created bookings in ${reset.seconds.toFixed(1)} s.`,
  );
  const anchor = addDays(localDate('UTC'), OTHER_FUTURE_DAYS);
  const phases: BookingsPhase[] = [];
  for (const rows of s.bookingsRows) {
    console.log(`\nBookings table at ${rows.toLocaleString('en-US')} rows: seeding…`);
    const seed = await seedBookings(s.databaseUrl, rows, setup.busy, busyShare, anchor);
    console.log(
      `  seeded ${seed.insertedRows.toLocaleString('en-US')} rows in ${seed.seconds.toFixed(1)} s ` +
        `(+ VACUUM ANALYZE ${seed.vacuumSeconds.toFixed(1)} s): ${seed.rows.toLocaleString('en-US')} rows, ` +
        `${seed.busyBranchRows.toLocaleString('en-US')} at the busy branch (${seed.busySeededRows.toLocaleString('en-US')} seeded)`,
    );
    const avail = availabilityTarget(base, setup);
    const availabilitySlots = (JSON.parse(await call(avail)) as { slots: unknown[] }).slots.length;
    if (!availabilitySlots) console.warn(`  ⚠ availability on ${setup.availabilityDate} answers no free slot`);
    const availability = await measureEndpoint(
      runner,
      'availability',
      avail,
      '/api/availability',
      `anonymous, busy branch, ${setup.availabilityDate}: ${availabilitySlots} free starts`,
    );
    const wanted = CREATE_RATE_CEILING * (s.warmupSeconds + s.rounds * s.seconds);
    const create = await createTarget(base, setup, wanted);
    await call(create.target);
    const created = await measureEndpoint(
      runner,
      'create',
      create.target,
      '/api/bookings',
      `${setup.customers.length} customers, each request a new free slot (${create.slots.toLocaleString('en-US')} collected)`,
    );
    if (create.exhausted()) console.warn('  ⚠ the free slots ran out: later requests asked for taken ones (409)');
    phases.push({
      targetRows: rows,
      seed,
      availabilitySlots,
      createSlots: create.slots,
      createSlotsExhausted: create.exhausted(),
      availability,
      create: created,
    });
  }
  const [first, last] = [phases[0], phases[phases.length - 1]];
  return {
    busyBranch: {
      id: setup.busy.id,
      name: setup.busy.name,
      seededBookings: first?.seed.busySeededRows ?? busyShare,
      technicians: setup.busy.technicianIds.length,
    },
    availabilityDate: setup.availabilityDate,
    availabilityServices: setup.availabilityServices.map((svc) => svc.code),
    createService: setup.createService.code,
    customers: setup.customers.length,
    reset,
    phases,
    ...(phases.length > 1
      ? {
          ratios: {
            fromRows: first.targetRows,
            toRows: last.targetRows,
            availability: ratio(first.availability, last.availability),
            create: ratio(first.create, last.create),
          },
        }
      : {}),
  };
}

/** Seconds of load the bookings benchmark adds (seeding, start-up and settling come on top). */
export function bookingsSeconds(s: BenchSettings): number {
  return s.bookingsRows.length * 2 * (s.warmupSeconds + s.rounds * s.seconds);
}
