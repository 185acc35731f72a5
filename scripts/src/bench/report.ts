import type { LoadResult } from './load.js';

export type SystemName = 'product' | 'floor';

/** One system's numbers for one endpoint: every round, and all rounds together. */
export interface SystemSummary {
  reqPerSec: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU microseconds per successful request, by process (where /proc exists). */
  cpuMicrosPerRequest: Record<string, number>;
  rounds: LoadResult[];
}

export interface EndpointReport {
  name: string;
  method: string;
  path: string;
  connections: number;
  product: SystemSummary;
  floor: SystemSummary;
  /** product req/s ÷ floor req/s (1 = as fast as the floor; higher is better). */
  reqPerSecRatio: number;
  /** product p99 ÷ floor p99 (1 = as fast as the floor; lower is better). */
  p99Ratio: number;
}

/** "Login must not stall other traffic": /api/me alone, then beside customer logins at full tilt. */
export interface StallReport {
  connections: { me: number; logins: number };
  idle: LoadResult;
  underLogins: LoadResult;
  logins: LoadResult;
  /** /api/me p99 under logins ÷ idle p99. */
  p99Ratio: number;
}

export const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '–');
export const rps = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One line per measured run, printed as the bench goes; `cpuOf` names the processes whose cores used to show. */
export function runLine(label: string, r: LoadResult, cpuOf: string[] = []): string {
  const failed = r.failed ? `  ⚠ ${r.failed} failed ${JSON.stringify(r.statusCodes)}` : '';
  const cores = cpuOf
    .filter((name) => r.cpuSeconds?.[name] !== undefined)
    .map((name) => `${name} ${((r.cpuSeconds?.[name] ?? 0) / r.seconds).toFixed(2)}`);
  const cpu = cores.length ? `   cores: ${cores.join(', ')}` : '';
  return `  ${label.padEnd(34)} ${rps(r.reqPerSec).padStart(7)} req/s   p50 ${ms(r.p50).padStart(6)} ms   p99 ${ms(r.p99).padStart(6)} ms${cpu}${failed}`;
}

export const micros = (v: number | undefined) => (v === undefined ? '–' : Math.round(v).toLocaleString('en-US'));

/** CPU per request of each system's processes, where it was measured: front, back, the servers, all cores. */
function cpuTable(endpoints: EndpointReport[], processes: Record<SystemName, readonly string[]>): string | undefined {
  if (!endpoints.some((e) => Object.keys(e.product.cpuMicrosPerRequest).length)) return undefined;
  // Column i holds the product's i-th process beside the floor's (gateway/server, auth/responder, catalog, …).
  const columns = Math.max(processes.product.length, processes.floor.length);
  const header = Array.from({ length: columns }, (_, i) =>
    [processes.product[i], processes.floor[i]?.replace(/^floor-/, '')].filter(Boolean).join('/'),
  );
  return table(
    ['endpoint', 'system', ...header, 'postgres+redis+nats', 'load generator', 'machine'],
    endpoints.flatMap((e) =>
      (['product', 'floor'] as const).map((s) => {
        const cpu = e[s].cpuMicrosPerRequest;
        return [
          s === 'product' ? `${e.method} ${e.path}` : '',
          s,
          ...header.map((_, i) => {
            const name = processes[s][i];
            return name === undefined ? '' : micros(cpu[name]);
          }),
          micros(cpu['postgres+redis+nats']),
          micros(cpu['load generator']),
          micros(cpu.machine),
        ];
      }),
    ),
  );
}

/** The final table: product beside floor per endpoint, then the stall test. */
export function formatReport(
  endpoints: EndpointReport[],
  stall: Partial<Record<SystemName, StallReport>>,
  processes: Record<SystemName, readonly string[]>,
): string {
  const out: string[] = [];
  const rounds = endpoints[0]?.product.rounds.length ?? 0;
  out.push(
    `Throughput and latency (${endpoints[0]?.connections ?? '?'} connections; ${rounds} round(s) per system, ` +
      'req/s averaged, percentiles over every measured request)',
    '',
  );
  out.push(
    table(
      [
        'endpoint',
        'product req/s',
        'p50 ms',
        'p99 ms',
        'floor req/s',
        'p50 ms',
        'p99 ms',
        'req/s product/floor',
        'p99 product/floor',
      ],
      endpoints.map((e) => [
        `${e.method} ${e.path}${[...e.product.rounds, ...e.floor.rounds].some((r) => r.disturbed) ? ' *' : ''}`,
        rps(e.product.reqPerSec),
        ms(e.product.p50),
        ms(e.product.p99),
        rps(e.floor.reqPerSec),
        ms(e.floor.p50),
        ms(e.floor.p99),
        ratio(e.reqPerSecRatio),
        ratio(e.p99Ratio),
      ]),
    ),
  );
  const failures = endpoints.flatMap((e) =>
    (['product', 'floor'] as const).filter((s) => e[s].failed).map((s) => `${s} ${e.path}: ${e[s].failed}`),
  );
  if (failures.length) out.push('', `⚠ non-2xx or failed requests: ${failures.join(', ')}`);
  const cpu = cpuTable(endpoints, processes);
  if (cpu) {
    out.push(
      '',
      'CPU per request (µs of user+system time per 2xx response, from /proc; "machine" = all cores, ' +
        'including anything else running)',
      '',
      cpu,
    );
  }

  const systems = (['product', 'floor'] as const).filter((s) => stall[s]);
  if (systems.length) {
    const first = stall[systems[0]] as StallReport;
    out.push(
      '',
      `Login must not stall other traffic (GET /api/me at ${first.connections.me} connections, ` +
        `alone vs beside POST /api/customer-login at ${first.connections.logins} connections)`,
      '',
    );
    out.push(
      table(
        ['system', 'me req/s idle', 'p99 idle ms', 'me req/s w/ logins', 'p99 w/ logins ms', 'p99 ratio', 'logins/s'],
        systems.map((s) => {
          const r = stall[s] as StallReport;
          return [
            `${s}${r.idle.disturbed || r.underLogins.disturbed ? ' *' : ''}`,
            rps(r.idle.reqPerSec),
            ms(r.idle.p99),
            rps(r.underLogins.reqPerSec),
            ms(r.underLogins.p99),
            ratio(r.p99Ratio),
            rps(r.logins.reqPerSec),
          ];
        }),
      ),
    );
  }
  const disturbed = endpoints.some((e) => [...e.product.rounds, ...e.floor.rounds].some((r) => r.disturbed));
  const stallDisturbed = systems.some((s) => stall[s]?.idle.disturbed || stall[s]?.underLogins.disturbed);
  if (disturbed || stallDisturbed) {
    out.push('', '* other work on the machine kept cores busy during some of these runs (⚠ above): compare with care');
  }
  return out.join('\n');
}
