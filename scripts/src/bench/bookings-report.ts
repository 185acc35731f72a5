import { BOOKINGS_PROCESSES, FLAT_LIMIT, type BookingsEndpointReport, type BookingsReport } from './bookings-bench.js';
import { micros, ms, rps, table } from './report.js';
import { INFRASTRUCTURE, LOAD_GENERATOR, MACHINE } from './runner.js';

const rows = (n: number) => n.toLocaleString('en-US');
const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

const disturbed = (e: BookingsEndpointReport) => (e.product.rounds.some((r) => r.disturbed) ? ' *' : '');

/** Everything but 2xx and 409, by status ("error/timeout" for requests without an answer). */
function otherFailures(e: BookingsEndpointReport): string {
  const codes = Object.entries(e.statusCodes).filter(([code]) => !code.startsWith('2') && code !== '409');
  const answered = Object.entries(e.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  const parts = codes.map(([code, n]) => `${n}× ${code}`);
  if (e.product.failed > answered) parts.push(`${e.product.failed - answered}× error/timeout`);
  return parts.join(', ') || '0';
}

/** The bookings tables: per table size and endpoint, then the ratios last/first and CPU per request. */
export function formatBookings(r: BookingsReport): string {
  const phases = r.phases;
  const c = phases[0]?.availability.connections ?? 0;
  const out = [
    `Bookings, product only (NO floor; ${c} connections, ${phases[0]?.availability.product.rounds.length ?? 0} ` +
      `round(s); busy branch ${r.busyBranch.name} with ${rows(r.busyBranch.seededBookings)} seeded bookings and ` +
      `${r.busyBranch.technicians} technicians; availability on ${r.availabilityDate} for ` +
      `${r.availabilityServices.join(' + ')}; ${r.customers} customers book ${r.createService})`,
    '',
    table(
      ['table rows', 'seeding s', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', '2xx', '409', 'other non-2xx'],
      phases.flatMap((p) =>
        [p.availability, p.create].map((e, i) => [
          i === 0 ? rows(p.seed.rows) : '',
          i === 0 ? (p.seed.seconds + p.seed.vacuumSeconds).toFixed(1) : '',
          `${e.method} ${e.path}${disturbed(e)}`,
          rps(e.product.reqPerSec),
          ms(e.product.p50),
          ms(e.product.p99),
          rows(e.ok),
          rows(e.conflicts),
          otherFailures(e),
        ]),
      ),
    ),
  ];
  if (r.ratios) {
    const { availability: a, create: k, fromRows, toRows } = r.ratios;
    const verdict = (x: typeof a) => (x.flat ? 'flat' : `NOT flat (beyond ${FLAT_LIMIT}×)`);
    out.push(
      '',
      `Ratio ${rows(toRows)} ÷ ${rows(fromRows)} rows (flat: req/s ≥ ${1 / FLAT_LIMIT}×, p99 ≤ ${FLAT_LIMIT}×)`,
      '',
      table(
        ['endpoint', 'req/s ratio', 'p99 ratio', 'verdict'],
        [
          ['GET /api/availability', times(a.reqPerSec), times(a.p99), verdict(a)],
          ['POST /api/bookings', times(k.reqPerSec), times(k.p99), verdict(k)],
        ],
      ),
    );
  }
  if (phases.some((p) => p.createSlotsExhausted)) {
    out.push('', '⚠ the creation load ran out of free slots in some phase: its 409s include taken slots asked again');
  }
  const names = [...BOOKINGS_PROCESSES, INFRASTRUCTURE, LOAD_GENERATOR, MACHINE];
  if (phases.some((p) => Object.keys(p.availability.product.cpuMicrosPerRequest).length)) {
    out.push(
      '',
      'CPU per request, bookings (µs per 2xx response)',
      '',
      table(
        ['table rows', 'endpoint', ...names],
        phases.flatMap((p) =>
          [p.availability, p.create].map((e, i) => [
            i === 0 ? rows(p.seed.rows) : '',
            `${e.method} ${e.path}`,
            ...names.map((n) => micros(e.product.cpuMicrosPerRequest[n])),
          ]),
        ),
      ),
    );
  }
  if (phases.some((p) => disturbed(p.availability) || disturbed(p.create))) {
    out.push('', '* other work on the machine kept cores busy during these runs');
  }
  return out.join('\n');
}
