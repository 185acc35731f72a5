import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { SERVICES } from '@garage/shared';
import { startSystem, type TestSystem } from '../support/system.js';
import { freePort } from '../support/processes.js';
import { scrape } from '../support/metrics.js';
import { http, loginStaff } from '../support/http.js';
import { bookFirstFreeSlot, completeBooking, openBranchAndCustomer } from '../support/journey.js';
import { exportedBy, missingFrom, promqlNames, type Exported } from './support/promql.js';

/**
 * infra/prometheus and infra/grafana: the alert rules pass Debian's promtool (check and unit
 * tests), the scrape configurations are valid and find our processes where compose and k8s put
 * them, and every metric and label the rules and the dashboard read is one the running services
 * export, so neither can silently point at nothing. promtool: scripts/ensure-promtool.sh
 * (run by `npm run test:deploy` and .ci/run).
 */

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');
const PROM = join(ROOT, 'infra/prometheus');
const PROCESSES = ['gateway', ...SERVICES];

/** What Prometheus records of each target itself. */
const PROMETHEUS_OWN = { metrics: ['up'], labels: [] };

/** Read by the rules but exported by something else: Prometheus itself, node_exporter, the kubelet. */
const EXTERNAL = {
  metrics: [
    ...PROMETHEUS_OWN.metrics,
    'node_filesystem_avail_bytes',
    'node_filesystem_size_bytes',
    'kubelet_volume_stats_available_bytes',
    'kubelet_volume_stats_capacity_bytes',
  ],
  labels: ['mountpoint', 'persistentvolumeclaim'],
};

async function promtool(args: string[], cwd = PROM): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error('promtool is missing: bash scripts/ensure-promtool.sh', { cause: err });
    return { code: Number(e.code), out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

interface Rule {
  alert: string;
  expr: string;
}
interface AlertTest {
  alert_rule_test?: Array<{ alertname: string; exp_alerts: unknown[] }>;
}

async function yamlOf<T>(path: string): Promise<T> {
  return parse(await readFile(path, 'utf8')) as T;
}

const rules = async () =>
  (await yamlOf<{ groups: Array<{ rules: Rule[] }> }>(join(PROM, 'alerts.yml'))).groups.flatMap((g) => g.rules);

describe('alert rules (infra/prometheus/alerts.yml)', () => {
  it('pass promtool check rules', async () => {
    const checked = await promtool(['check', 'rules', 'alerts.yml']);
    expect(checked).toEqual({ code: 0, out: expect.stringContaining('SUCCESS') });
  });

  it('pass their unit tests (promtool test rules alerts.test.yml), which make every alert fire', async () => {
    expect(await promtool(['test', 'rules', 'alerts.test.yml'])).toEqual({
      code: 0,
      out: expect.stringContaining('SUCCESS'),
    });
    const tests = (await yamlOf<{ tests: AlertTest[] }>(join(PROM, 'alerts.test.yml'))).tests;
    const fired = new Set(
      tests.flatMap((t) => (t.alert_rule_test ?? []).filter((a) => a.exp_alerts.length).map((a) => a.alertname)),
    );
    const names = (await rules()).map((r) => r.alert);
    expect(names).toEqual(
      expect.arrayContaining([
        'GarageServiceDown',
        'GarageServiceNotReady',
        'GarageHighErrorRate',
        'GarageSlowRequests',
        'GarageOutboxBacklogGrowing',
        'GarageEventsDeadLettered',
        'GarageDeadLettersWaiting',
        'GarageFailedSignInSpike',
        'GaragePasswordHashingSaturated',
        'GarageJetStreamDiskLow',
      ]),
    );
    expect({ neverFired: names.filter((n) => !fired.has(n)) }).toEqual({ neverFired: [] });
  }, 60_000);

  it('the unit tests catch a rule that changed (a threshold doubled)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'garage-rules-'));
    try {
      const text = await readFile(join(PROM, 'alerts.yml'), 'utf8');
      await writeFile(join(dir, 'alerts.yml'), text.replace(') > 0.05\n', ') > 0.1\n'));
      await writeFile(join(dir, 'alerts.test.yml'), await readFile(join(PROM, 'alerts.test.yml'), 'utf8'));
      const changed = await promtool(['test', 'rules', 'alerts.test.yml'], dir);
      expect(changed.code).not.toBe(0);
      expect(changed.out).toContain('GarageHighErrorRate');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('scrape configurations', () => {
  interface ScrapeConfig {
    job_name: string;
    dns_sd_configs?: Array<{ names: string[]; port: number }>;
    relabel_configs?: Array<{ source_labels?: string[]; regex?: string; action?: string; target_label?: string }>;
  }

  it('compose (prometheus.yml): valid, and a job per process on its compose name and HEALTH_PORT', async () => {
    expect(await promtool(['check', 'config', 'prometheus.yml'])).toEqual({
      code: 0,
      out: expect.stringContaining('SUCCESS'),
    });
    const config = await yamlOf<{ scrape_configs: ScrapeConfig[]; rule_files: string[] }>(join(PROM, 'prometheus.yml'));
    expect(config.rule_files).toEqual(['alerts.yml']);
    const compose = await yamlOf<{ services: Record<string, { environment?: Record<string, string> }> }>(
      join(ROOT, 'docker-compose.yml'),
    );
    for (const p of PROCESSES) {
      const job = config.scrape_configs.find((c) => c.job_name === p);
      expect({ p, sd: job?.dns_sd_configs }).toEqual({
        p,
        sd: [expect.objectContaining({ names: [p], port: Number(compose.services[p].environment?.HEALTH_PORT) })],
      });
    }
  });

  it('Kubernetes (prometheus-k8s.yml): valid, keeps annotated pods on their health port, names the job by the app', async () => {
    const text = await readFile(join(PROM, 'prometheus-k8s.yml'), 'utf8');
    // Debian's promtool is built without Kubernetes discovery: check the rest with static targets in its place.
    const dir = await mkdtemp(join(tmpdir(), 'garage-prom-k8s-'));
    try {
      const config = parse(text) as { scrape_configs: Array<Record<string, unknown>> };
      for (const c of config.scrape_configs) {
        expect(c.kubernetes_sd_configs).toBeDefined();
        delete c.kubernetes_sd_configs;
        c.static_configs = [{ targets: ['10.0.0.1:3001'] }];
      }
      await writeFile(join(dir, 'prometheus.yml'), stringify(config));
      expect(await promtool(['check', 'config', '--syntax-only', 'prometheus.yml'], dir)).toEqual({
        code: 0,
        out: expect.stringContaining('SUCCESS'),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const pods = (parse(text) as { scrape_configs: ScrapeConfig[] }).scrape_configs.find(
      (c) => c.job_name === 'garage-pods',
    );
    expect(pods?.relabel_configs).toEqual(
      expect.arrayContaining([
        { source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'], regex: 'true', action: 'keep' },
        { source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: 'health', action: 'keep' },
        { source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], target_label: 'job' },
      ]),
    );
    // Each Deployment's annotations name the port called `health`, which is the one scraped.
    for (const p of PROCESSES) {
      const deployment = await yamlOf<{
        spec: {
          template: {
            metadata: { annotations: Record<string, string>; labels: Record<string, string> };
            spec: { containers: Array<{ ports?: Array<{ name: string; containerPort: number }> }> };
          };
        };
      }>(join(ROOT, `k8s/base/${p}/deployment.yaml`));
      const { metadata, spec } = deployment.spec.template;
      const health = spec.containers.flatMap((c) => c.ports ?? []).find((port) => port.name === 'health');
      expect({ p, annotations: metadata.annotations, app: metadata.labels['app.kubernetes.io/name'] }).toEqual({
        p,
        annotations: expect.objectContaining({
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': String(health?.containerPort),
          'prometheus.io/path': '/metrics',
        }),
        app: p,
      });
    }
  });
});

describe('what the rules and the dashboard read is what the services export', () => {
  let sys: TestSystem;
  let exported: Exported;

  beforeAll(async () => {
    const gatewayHealth = await freePort();
    sys = await startSystem({ gateway: { HEALTH_PORT: String(gatewayHealth) } });
    // Traffic, so labelled series exist: sign-ins right and wrong, a booking made and completed.
    const admin = await loginStaff(sys.url, 'admin', 'admin123');
    expect((await http(sys.url, 'POST', '/api/login', { body: { username: 'admin', password: 'wrong' } })).status).toBe(
      401,
    );
    const journey = await openBranchAndCustomer(sys.url, admin);
    await completeBooking(sys.url, admin, (await bookFirstFreeSlot(sys.url, journey)).id);
    exported = exportedBy([
      await scrape(gatewayHealth),
      ...(await Promise.all(SERVICES.map((s) => scrape(sys[s].health)))),
    ]);
  }, 120_000);

  afterAll(async () => {
    await sys?.close();
  });

  it('the checker itself finds a name or a label that nothing exports', () => {
    expect(promqlNames('sum by (job, le) (rate(a_b_bucket{route!~"/x"}[5m])) > 0.5 and on (instance) c')).toEqual({
      metrics: ['a_b_bucket', 'c'],
      labels: ['route', 'job', 'le', 'instance'],
    });
    expect(missingFrom(exported, 'sum by (rout) (rate(garage_http_requests_total[5m]))')).toEqual({
      metrics: ['garage_http_requests_total'],
      labels: ['rout'],
    });
  });

  it('every alert rule', async () => {
    for (const rule of await rules()) {
      expect({ alert: rule.alert, missing: missingFrom(exported, rule.expr, EXTERNAL) }).toEqual({
        alert: rule.alert,
        missing: { metrics: [], labels: [] },
      });
    }
  });

  it('every dashboard panel and variable (infra/grafana/garage-dashboard.json), and each query parses', async () => {
    interface Panel {
      type: string;
      title: string;
      datasource?: { uid: string };
      targets?: Array<{ expr: string }>;
    }
    const dashboard = JSON.parse(await readFile(join(ROOT, 'infra/grafana/garage-dashboard.json'), 'utf8')) as {
      schemaVersion: number;
      panels: Panel[];
      templating: { list: Array<{ name: string; type: string; query: string | { query: string } }> };
    };
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
    const variables = dashboard.templating.list;
    expect(variables.find((v) => v.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
    const queries: Array<{ where: string; expr: string }> = [];
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      expect({ panel: panel.title, datasource: panel.datasource?.uid, targets: !!panel.targets?.length }).toEqual({
        panel: panel.title,
        datasource: '${datasource}',
        targets: true,
      });
      for (const t of panel.targets ?? []) queries.push({ where: panel.title, expr: t.expr });
    }
    for (const v of variables.filter((x) => x.type === 'query')) {
      const query = typeof v.query === 'string' ? v.query : v.query.query;
      const [, metric, label] = /^label_values\(([\w:]+),\s*(\w+)\)$/.exec(query) ?? [];
      queries.push({ where: `$${v.name}`, expr: `${metric}{${label}!=""}` });
    }
    // Grafana's variables as Prometheus would get them.
    const asSent = (expr: string) =>
      expr.replaceAll('$__rate_interval', '1m').replaceAll('$__range', '6h').replaceAll('$service', '.*');
    for (const { where, expr } of queries) {
      expect({ where, missing: missingFrom(exported, asSent(expr), PROMETHEUS_OWN) }).toEqual({
        where,
        missing: { metrics: [], labels: [] },
      });
    }
    // The syntax, by promtool: each query as a recording rule.
    const dir = await mkdtemp(join(tmpdir(), 'garage-dashboard-'));
    try {
      const recording = {
        groups: [
          { name: 'dashboard', rules: queries.map((q, i) => ({ record: `dashboard:q${i}`, expr: asSent(q.expr) })) },
        ],
      };
      await writeFile(join(dir, 'dashboard.yml'), stringify(recording));
      expect(await promtool(['check', 'rules', 'dashboard.yml'], dir)).toEqual({
        code: 0,
        out: expect.stringContaining(`SUCCESS: ${queries.length} rules found`),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
