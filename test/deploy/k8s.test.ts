import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ZodType } from 'zod';
import { PROCESS_NAMES, settingsOf, shutdownGraceSeconds, type ProcessName } from './support/env-schemas.js';

// The kustomize overlays in k8s/, rendered by kubectl and checked three ways: every object against
// the Kubernetes API schemas, the deployment policies (probes, security, scaling, network), and
// each container's environment against its service's config schema (no unknown names, nothing missing).

const ROOT = resolve(__dirname, '..', '..');
const OVERLAYS = ['dev', 'production'] as const;
type Overlay = (typeof OVERLAYS)[number];
type ServiceName = ProcessName;
const SERVICES = PROCESS_NAMES;
const NATS_SERVICES = SERVICES.filter((s) => s !== 'gateway');
const SECRET = 'garage-secrets';
/** The keys of garage-secrets that production must provide (k8s/README.md). */
const PRODUCTION_SECRET_KEYS = [
  'SECRET_KEY',
  'REDIS_URL',
  ...NATS_SERVICES.map((s) => `${s.toUpperCase()}_DATABASE_URL`),
  ...SERVICES.map((s) => `NATS_${s.toUpperCase()}_PASSWORD`),
];
/** Keys a Secret may leave out: the retiring key exists only while SECRET_KEY is rotated (docs/operations.md). */
const OPTIONAL_SECRET_KEYS = ['SECRET_KEY_PREVIOUS'];
/** Dev's own Postgres adds its superuser's and the service roles' passwords. */
const DEV_SECRET_KEYS = [
  ...PRODUCTION_SECRET_KEYS,
  'POSTGRES_PASSWORD',
  ...NATS_SERVICES.map((s) => `${s.toUpperCase()}_DB_PASSWORD`),
];
const HOSTS: Record<Overlay, string> = { dev: 'garage.localtest.me', production: 'garage.example.com' };
/** The web app's files: the garage/web image (infra/nginx/Dockerfile) running as nginx's user. */
const WEB = 'web';
const NGINX_USER = 101;

// ---- the slice of the Kubernetes object model these checks read --------------------------------

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface HttpProbe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type: string };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: HttpProbe;
  readinessProbe?: HttpProbe;
  livenessProbe?: HttpProbe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string }[];
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
}
interface PodSpec {
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: SecurityContext;
  initContainers?: Container[];
  containers: Container[];
  volumes?: { name: string; emptyDir?: object; configMap?: { name: string } }[];
}
interface PolicyPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: { cidr: string };
}
interface PolicyRule {
  ports?: { protocol?: string; port?: string | number }[];
  from?: PolicyPeer[];
  to?: PolicyPeer[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Labels; annotations?: Labels };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: Selector & Labels;
    template?: { metadata: { labels?: Labels; annotations?: Labels }; spec: PodSpec };
    volumeClaimTemplates?: { metadata: { name: string } }[];
    serviceName?: string;
    clusterIP?: string;
    publishNotReadyAddresses?: boolean;
    ports?: { name?: string; port: number; targetPort?: string | number }[];
    scaleTargetRef?: { apiVersion: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: { type: string; resource?: { name: string } }[];
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    podSelector?: Selector;
    policyTypes?: string[];
    ingress?: PolicyRule[];
    egress?: PolicyRule[];
    ingressClassName?: string;
    tls?: { hosts: string[]; secretName: string }[];
    rules?: {
      host: string;
      http: {
        paths: {
          path: string;
          pathType?: string;
          backend: { service: { name: string; port: { name?: string; number?: number } } };
        }[];
      };
    }[];
  };
}
type Workload = K8sObject & { spec: { selector: Selector; template: { metadata: { labels: Labels }; spec: PodSpec } } };

// ---- rendering and schema validation -----------------------------------------------------------

function render(overlay: Overlay): K8sObject[] {
  const yaml = execFileSync('kubectl', ['kustomize', join(ROOT, 'k8s', 'overlays', overlay)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return parseAllDocuments(yaml).map((doc) => {
    if (doc.errors.length) throw new Error(`${overlay}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as K8sObject;
  });
}

interface Validation {
  apiVersion: string;
  kind: string;
  name: string;
  errors: string[];
}

/** kubernetes-models is ESM-only, so its validation runs in a child node process (support/k8s-validate.mjs). */
function validate(objects: K8sObject[]): Validation[] {
  const out = execFileSync(process.execPath, [join(__dirname, 'support', 'k8s-validate.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out) as Validation[];
}

const rendered = {} as Record<Overlay, K8sObject[]>;
const validations = {} as Record<Overlay, Validation[]>;
beforeAll(() => {
  for (const overlay of OVERLAYS) rendered[overlay] = render(overlay);
  // One validator run for both overlays: its type check is the slow part (about 2 s).
  const results = validate([...rendered.dev, ...rendered.production]);
  validations.dev = results.slice(0, rendered.dev.length);
  validations.production = results.slice(rendered.dev.length);
});

// ---- helpers -----------------------------------------------------------------------------------

const of = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const workloads = (objects: K8sObject[]) =>
  objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet') as Workload[];
const deployment = (objects: K8sObject[], name: string) => {
  const found = named(objects, 'Deployment', name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found as Workload;
};
const mainContainer = (w: Workload) => {
  const found = w.spec.template.spec.containers.find((c) => c.name === w.metadata.name);
  if (!found) throw new Error(`${w.metadata.name}: no container named after it`);
  return found;
};
const allContainers = (w: Workload) => [
  ...(w.spec.template.spec.initContainers ?? []),
  ...w.spec.template.spec.containers,
];

function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const matchLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const matchExpressions = (selector.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    if (e.operator === 'In') return value !== undefined && (e.values ?? []).includes(value);
    if (e.operator === 'NotIn') return value === undefined || !(e.values ?? []).includes(value);
    if (e.operator === 'Exists') return value !== undefined;
    if (e.operator === 'DoesNotExist') return value === undefined;
    throw new Error(`unknown selector operator ${e.operator}`);
  });
  return matchLabels && matchExpressions;
}

/** A port given by name or number, as the container's port number. */
function portNumber(container: Container, port: string | number | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

interface EnvValue {
  value?: string;
  secret?: { name: string; key: string; optional?: boolean };
  from: string;
}

/** What a container's process sees: envFrom ConfigMaps (as rendered), then env over them. */
function effectiveEnv(container: Container, objects: K8sObject[]): Map<string, EnvValue> {
  const env = new Map<string, EnvValue>();
  for (const source of container.envFrom ?? []) {
    if (source.secretRef) throw new Error(`${container.name}: envFrom a Secret hides which names it sets`);
    const name = source.configMapRef?.name ?? '';
    const configMap = named(objects, 'ConfigMap', name);
    if (!configMap) throw new Error(`${container.name}: envFrom ConfigMap ${name} is not rendered`);
    for (const [key, value] of Object.entries(configMap.data ?? {})) env.set(key, { value, from: `ConfigMap ${name}` });
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom?.configMapKeyRef) {
      const ref = e.valueFrom.configMapKeyRef;
      env.set(e.name, { value: named(objects, 'ConfigMap', ref.name)?.data?.[ref.key], from: `ConfigMap ${ref.name}` });
    } else if (e.valueFrom?.secretKeyRef) {
      env.set(e.name, { secret: e.valueFrom.secretKeyRef, from: `Secret ${e.valueFrom.secretKeyRef.name}` });
    } else env.set(e.name, { value: e.value ?? '', from: 'env' });
  }
  return env;
}

/** The rendered (hash-suffixed) name of the ConfigMap every process reads. */
function effectiveEnvConfigMap(objects: K8sObject[]): string {
  const found = of(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('garage-config-'));
  if (!found) throw new Error('no ConfigMap garage-config');
  return found.metadata.name;
}

/** The service's whole configuration schema, as loadConfig builds it. */
function schemaShape(service: ServiceName): Record<string, ZodType> {
  return settingsOf(service);
}

/** `registry/garage/auth:2.0.0@sha256:…` → its tag (undefined when there is none). */
function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
}

/** The ports a NetworkPolicy rule set opens for a pod: `TCP/5432`, or `TCP/*` for a rule without ports. */
function policyPorts(objects: K8sObject[], labels: Labels, container: Container, direction: 'Ingress' | 'Egress') {
  const ports = new Set<string>();
  for (const policy of of(objects, 'NetworkPolicy')) {
    if (!policy.spec?.policyTypes?.includes(direction) || !selects(policy.spec.podSelector, labels)) continue;
    for (const rule of (direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? []) {
      if (!rule.ports?.length) ports.add('*/*');
      for (const p of rule.ports ?? []) {
        // Ingress names refer to this pod's ports; a name it lacks opens nothing here.
        const port = direction === 'Ingress' ? portNumber(container, p.port) : p.port;
        if (port !== undefined) ports.add(`${p.protocol ?? 'TCP'}/${port}`);
      }
    }
  }
  return [...ports].sort();
}

// ---- the checks --------------------------------------------------------------------------------

describe.each(OVERLAYS)('k8s/overlays/%s', (overlay) => {
  const objects = () => rendered[overlay];

  test('renders, and every object validates against the Kubernetes API schemas (unknown kinds and fields fail)', () => {
    expect(objects().length).toBeGreaterThan(30);
    const failures = validations[overlay].flatMap((v) =>
      [...new Set(v.errors)].map((e) => `${v.kind}/${v.name}: ${e}`),
    );
    expect(failures).toEqual([]);
  });

  test('everything is in the namespace garage, which enforces the restricted Pod Security profile', () => {
    const namespace = named(objects(), 'Namespace', 'garage');
    expect(namespace?.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const elsewhere = objects().filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'garage');
    expect(elsewhere.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
  });

  test('one Deployment per service and one for the web app, labelled, and nothing else deployed as a Deployment', () => {
    expect(
      of(objects(), 'Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...SERVICES, WEB].sort());
    expect(deployment(objects(), WEB).spec.template.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': WEB,
      'app.kubernetes.io/part-of': 'garage',
      'app.kubernetes.io/component': WEB,
    });
    for (const name of SERVICES) {
      const labels = deployment(objects(), name).spec.template.metadata.labels;
      expect(labels).toMatchObject({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'garage' });
      expect(labels['app.kubernetes.io/component']).toBe(name === 'gateway' ? 'gateway' : 'service');
    }
  });

  test.each(SERVICES)('%s: probes, Service port and scrape annotations all use its HEALTH_PORT', (name) => {
    const d = deployment(objects(), name);
    const container = mainContainer(d);
    const env = effectiveEnv(container, objects());
    const shape = schemaShape(name);
    // The port the process listens on: the one set, else the schema's default.
    const healthPort = Number(shape.HEALTH_PORT.parse(env.get('HEALTH_PORT')?.value));
    expect(healthPort).toBeGreaterThan(0);

    const probes = { startupProbe: '/health/live', readinessProbe: '/health/ready', livenessProbe: '/health/live' };
    for (const [probe, path] of Object.entries(probes) as [keyof typeof probes, string][]) {
      expect({ probe, path: container[probe]?.httpGet?.path }).toEqual({ probe, path });
      expect({ probe, port: portNumber(container, container[probe]?.httpGet?.port) }).toEqual({
        probe,
        port: healthPort,
      });
    }
    expect(d.spec.template.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(healthPort),
      'prometheus.io/path': '/metrics',
    });

    const service = named(objects(), 'Service', name);
    expect(selects({ matchLabels: service?.spec?.selector as Labels }, d.spec.template.metadata.labels)).toBe(true);
    const servicePorts = (service?.spec?.ports ?? []).map((p) => [p.port, portNumber(container, p.targetPort)]);
    if (name === 'gateway') {
      const httpPort = Number(shape.PORT.parse(env.get('PORT')?.value));
      expect(servicePorts).toEqual(expect.arrayContaining([[80, httpPort]]));
      expect(servicePorts).toEqual(expect.arrayContaining([[healthPort, healthPort]]));
      expect(servicePorts).toHaveLength(2);
    } else {
      // Reached over NATS only: the Service names nothing but the health port, for scraping.
      expect(servicePorts).toEqual([[healthPort, healthPort]]);
    }
  });

  test.each(SERVICES)('%s: an autoscaler and a disruption budget that select it; the HPA owns the count', (name) => {
    const d = deployment(objects(), name);
    expect(d.spec.replicas).toBeUndefined();
    expect(selects(d.spec.selector, d.spec.template.metadata.labels)).toBe(true);

    const hpa = of(objects(), 'HorizontalPodAutoscaler').filter((h) => h.spec?.scaleTargetRef?.name === name);
    expect(hpa).toHaveLength(1);
    expect(hpa[0].apiVersion).toBe('autoscaling/v2');
    expect(hpa[0].spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(hpa[0].spec?.metrics?.some((m) => m.type === 'Resource' && m.resource?.name === 'cpu')).toBe(true);
    const min = hpa[0].spec?.minReplicas ?? 1;
    expect(min).toBeGreaterThanOrEqual(overlay === 'production' ? 2 : 1);
    expect(hpa[0].spec?.maxReplicas).toBeGreaterThanOrEqual(min);

    const pdbs = of(objects(), 'PodDisruptionBudget').filter((p) =>
      selects(p.spec?.selector, d.spec.template.metadata.labels),
    );
    expect(pdbs).toHaveLength(1);
    const { minAvailable, maxUnavailable } = pdbs[0].spec ?? {};
    expect(minAvailable !== undefined || maxUnavailable !== undefined).toBe(true);
    // A budget that forbids every eviction would block node drains for good.
    if (typeof minAvailable === 'number') expect(minAvailable).toBeLessThan(min);
  });

  test.each(SERVICES)(
    '%s: its migrations run in an init container of the same image (none for the gateway)',
    (name) => {
      const d = deployment(objects(), name);
      const migrations = (d.spec.template.spec.initContainers ?? []).filter((c) =>
        [...(c.command ?? []), ...(c.args ?? [])].some((a) => a.includes('migrate')),
      );
      if (name === 'gateway') {
        expect(migrations).toEqual([]);
        return;
      }
      expect(migrations).toHaveLength(1);
      expect([...(migrations[0].command ?? []), ...(migrations[0].args ?? [])]).toEqual([
        'node',
        `services/${name}/dist/migrate.js`,
      ]);
      expect(migrations[0].image).toBe(mainContainer(d).image);
      expect(effectiveEnv(migrations[0], objects()).get('DATABASE_URL')?.secret).toEqual({
        name: SECRET,
        key: `${name.toUpperCase()}_DATABASE_URL`,
      });
    },
  );

  test.each(SERVICES)('%s: configuration matches its schema (no unknown names, nothing needed missing)', (name) => {
    const d = deployment(objects(), name);
    const shape = schemaShape(name);
    for (const container of allContainers(d)) {
      const env = effectiveEnv(container, objects());
      const unknown = [...env.keys()].filter((key) => !(key in shape)).map((key) => `${key} (${env.get(key)?.from})`);
      expect({ container: container.name, unknown }).toEqual({ container: container.name, unknown: [] });
      // Literal values must be ones the schema accepts (the Secret's are checked in dev below).
      const invalid = [...env.entries()]
        .filter(([key, v]) => v.value !== undefined && !shape[key].safeParse(v.value).success)
        .map(([key, v]) => `${key}=${v.value}`);
      expect({ container: container.name, invalid }).toEqual({ container: container.name, invalid: [] });
    }

    const env = effectiveEnv(mainContainer(d), objects());
    const needed = ['PRODUCTION', 'SECRET_KEY', 'REDIS_URL', 'NATS_URL', 'NATS_USER', 'NATS_PASSWORD', 'HEALTH_PORT'];
    if (name === 'gateway') needed.push('PORT', 'ALLOWED_ORIGINS', 'TRUSTED_PROXIES');
    else needed.push('DATABASE_URL', 'MIGRATE_ON_START');
    expect(needed.filter((key) => !env.has(key))).toEqual([]);
    expect(env.get('NATS_USER')?.value).toBe(name);
    const upper = name.toUpperCase();
    expect(env.get('NATS_PASSWORD')?.secret).toEqual({ name: SECRET, key: `NATS_${upper}_PASSWORD` });
    expect(env.get('SECRET_KEY')?.secret).toEqual({ name: SECRET, key: 'SECRET_KEY' });
    expect(env.get('REDIS_URL')?.secret).toEqual({ name: SECRET, key: 'REDIS_URL' });
    if (name === 'gateway') {
      expect(env.has('DATABASE_URL')).toBe(false);
      expect(env.get('ALLOWED_ORIGINS')?.value).toBe(`https://${HOSTS[overlay]}`);
    } else {
      expect(env.get('DATABASE_URL')?.secret).toEqual({ name: SECRET, key: `${upper}_DATABASE_URL` });
      // Migrations are the init container's job, never the service's at start-up.
      expect(env.get('MIGRATE_ON_START')?.value).toBe('false');
    }
  });

  test('every pod: resources, restricted security context, read-only root, no token, a grace period over the drain', () => {
    const problems: string[] = [];
    for (const w of workloads(objects())) {
      const pod = w.spec.template.spec;
      const where = `${w.kind}/${w.metadata.name}`;
      const isWeb = w.kind === 'Deployment' && w.metadata.name === WEB;
      const isService = w.kind === 'Deployment' && !isWeb;
      if (pod.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service account token`);
      // Our processes drain within SHUTDOWN_GRACE_MS (after any preStop pause), others (nginx) in 20 s;
      // SIGKILL must not cut that short.
      const pause = Math.max(0, ...pod.containers.map((c) => c.lifecycle?.preStop?.sleep?.seconds ?? 0));
      const drain = isService
        ? shutdownGraceSeconds(effectiveEnv(mainContainer(w), objects()).get('SHUTDOWN_GRACE_MS')?.value)
        : 20;
      if (!((pod.terminationGracePeriodSeconds ?? 30) > drain + pause))
        problems.push(`${where}: grace period too short`);
      if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: pod runAsNonRoot`);
      if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${where}: pod seccomp`);
      if (isService && pod.securityContext?.runAsUser !== 10001) problems.push(`${where}: pod runAsUser 10001`);
      if (isWeb && pod.securityContext?.runAsUser !== NGINX_USER)
        problems.push(`${where}: pod runAsUser ${NGINX_USER}`);
      for (const c of allContainers(w)) {
        const at = `${where} ${c.name}`;
        const sc = c.securityContext ?? {};
        const user = sc.runAsUser ?? pod.securityContext?.runAsUser;
        for (const kind of ['requests', 'limits'] as const)
          for (const resource of ['cpu', 'memory'])
            if (!c.resources?.[kind]?.[resource]) problems.push(`${at}: no ${kind}.${resource}`);
        if ((sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true) problems.push(`${at}: runAsNonRoot`);
        if (user === 0 || (isService && user !== 10001)) problems.push(`${at}: runAsUser ${user}`);
        if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem`);
        if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation`);
        if (sc.privileged) problems.push(`${at}: privileged`);
        if (!sc.capabilities?.drop?.includes('ALL') || sc.capabilities.add?.length)
          problems.push(`${at}: capabilities`);
        if ((sc.seccompProfile ?? pod.securityContext?.seccompProfile)?.type !== 'RuntimeDefault')
          problems.push(`${at}: seccompProfile`);
        // Node writes only to /tmp: an emptyDir, as the root filesystem is read-only.
        const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
        const tmpVolume = pod.volumes?.find((v) => v.name === tmp?.name);
        if ((isService || isWeb) && !tmpVolume?.emptyDir) problems.push(`${at}: no emptyDir at /tmp`);
        // nginx also writes the site it renders from its template at start.
        const conf = c.volumeMounts?.find((m) => m.mountPath === '/etc/nginx/conf.d');
        if (isWeb && !pod.volumes?.find((v) => v.name === conf?.name)?.emptyDir)
          problems.push(`${at}: no emptyDir at /etc/nginx/conf.d`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every image is pinned to a version (never latest, never untagged); each service runs garage/<name>, the web app garage/web', () => {
    const problems: string[] = [];
    for (const w of workloads(objects()))
      for (const c of allContainers(w)) {
        const tag = imageTag(c.image);
        if (!tag || tag === 'latest' || /^[0-9]+$/.test(tag) || tag.startsWith('latest-'))
          problems.push(`${w.metadata.name}/${c.name}: ${c.image}`);
      }
    expect(problems).toEqual([]);
    for (const name of [...SERVICES, WEB])
      expect(mainContainer(deployment(objects(), name)).image).toMatch(new RegExp(`(^|/)garage/${name}:[^:/]+$`));
  });

  test('NATS: a 3-node JetStream cluster, fsync always, routes to each node, probes on its monitoring port', () => {
    const nats = named(objects(), 'StatefulSet', 'nats') as Workload | undefined;
    if (!nats) throw new Error('no StatefulSet nats');
    const replicas = nats.spec.replicas ?? 1;
    expect(replicas).toBe(3);
    expect(nats.spec.volumeClaimTemplates?.length).toBe(1);
    const headless = named(objects(), 'Service', nats.spec.serviceName ?? '');
    expect(headless?.spec?.clusterIP).toBe('None');
    expect(headless?.spec?.publishNotReadyAddresses).toBe(true);
    const container = mainContainer(nats);
    expect(portNumber(container, 'client')).toBe(4222);
    expect(portNumber(container, 'cluster')).toBe(6222);
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) {
      expect(container[probe]?.httpGet?.path).toMatch(/^\/healthz/);
      expect(portNumber(container, container[probe]?.httpGet?.port)).toBe(8222);
    }
    expect(
      of(objects(), 'PodDisruptionBudget').filter((p) => selects(p.spec?.selector, nats.spec.template.metadata.labels)),
    ).toHaveLength(1);

    const configVolume = nats.spec.template.spec.volumes?.find((v) => v.configMap);
    const config = named(objects(), 'ConfigMap', configVolume?.configMap?.name ?? '')?.data ?? {};
    const conf = config['nats.conf'] ?? '';
    expect(conf).toMatch(/^\s*sync_interval:\s*always\s*$/m);
    expect(conf).toMatch(/^\s*server_name:\s*\$POD_NAME\s*$/m);
    expect(conf).toMatch(/^\s*include \.\/auth\.conf\s*$/m);
    const routes = [...conf.matchAll(/nats:\/\/([a-z0-9-]+)\.([a-z0-9-]+):6222/g)];
    expect(routes.map((r) => r[1])).toEqual(Array.from({ length: replicas }, (_, i) => `nats-${i}`));
    expect(new Set(routes.map((r) => r[2]))).toEqual(new Set([nats.spec.serviceName]));
    expect(config).toHaveProperty(['auth.conf']);
    // Every password auth.conf reads from the environment is there, from the Secret.
    const env = effectiveEnv(container, objects());
    expect(env.get('POD_NAME')).toBeDefined();
    const wanted = [...new Set([...config['auth.conf'].matchAll(/password:\s*\$([A-Z0-9_]+)/g)].map((m) => m[1]))];
    expect(wanted.filter((v) => !env.get(v)?.secret)).toEqual([]);
    for (const service of SERVICES)
      expect(env.get(`NATS_${service.toUpperCase()}_PASSWORD`)?.secret?.name).toBe(SECRET);
    // The users' subject permissions were generated for the NATS_PREFIX the services use.
    const prefix = named(objects(), 'ConfigMap', effectiveEnvConfigMap(objects()))?.data?.NATS_PREFIX;
    const subjects = [...config['auth.conf'].matchAll(/"([^"]+\.[^"]+)"/g)].map((m) => m[1]);
    expect(subjects.filter((s) => !s.startsWith(`${prefix}.`) && !/^(\$JS\.|_INBOX)/.test(s))).toEqual([]);
  });

  test('every env reference to a Secret names garage-secrets and a documented key', () => {
    const keys = new Set<string>();
    for (const w of workloads(objects()))
      for (const c of allContainers(w))
        for (const v of effectiveEnv(c, objects()).values())
          if (v.secret) {
            expect(v.secret.name).toBe(SECRET);
            // A key the Secret may lack must be marked optional, or the pod would not start without it.
            expect({ key: v.secret.key, optional: v.secret.optional === true }).toEqual({
              key: v.secret.key,
              optional: OPTIONAL_SECRET_KEYS.includes(v.secret.key),
            });
            keys.add(v.secret.key);
          }
    expect([...keys].sort()).toEqual(
      [...(overlay === 'dev' ? DEV_SECRET_KEYS : PRODUCTION_SECRET_KEYS), ...OPTIONAL_SECRET_KEYS].sort(),
    );
  });

  test('network: default deny, DNS, and per pod exactly the ports it needs', () => {
    const policies = of(objects(), 'NetworkPolicy');
    expect(
      policies.some(
        (p) =>
          !p.spec?.podSelector?.matchLabels &&
          !p.spec?.podSelector?.matchExpressions &&
          p.spec?.policyTypes?.includes('Ingress') &&
          p.spec?.policyTypes?.includes('Egress') &&
          !p.spec?.ingress &&
          !p.spec?.egress,
      ),
    ).toBe(true);
    // A rule without peers admits everyone.
    for (const p of policies)
      for (const rule of [...(p.spec?.ingress ?? []), ...(p.spec?.egress ?? [])])
        expect({ policy: p.metadata.name, peers: (rule.from ?? rule.to ?? []).length > 0 }).toEqual({
          policy: p.metadata.name,
          peers: true,
        });

    const dns = ['TCP/53', 'UDP/53'];
    const expected: Record<string, { egress: string[]; ingress: string[] }> = {
      gateway: { egress: [...dns, 'TCP/4222', 'TCP/6379'], ingress: ['TCP/3000', 'TCP/5000'] },
      auth: { egress: [...dns, 'TCP/4222', 'TCP/5432', 'TCP/6379'], ingress: ['TCP/3001'] },
      catalog: { egress: [...dns, 'TCP/4222', 'TCP/5432', 'TCP/6379'], ingress: ['TCP/3002'] },
      bookings: { egress: [...dns, 'TCP/4222', 'TCP/5432', 'TCP/6379'], ingress: ['TCP/3003'] },
      inventory: { egress: [...dns, 'TCP/4222', 'TCP/5432', 'TCP/6379'], ingress: ['TCP/3004'] },
      nats: { egress: [...dns, 'TCP/6222'], ingress: ['TCP/4222', 'TCP/6222', 'TCP/8222'] },
      // Files only: it calls nothing, and only the ingress controller calls it.
      web: { egress: dns, ingress: ['TCP/8080'] },
    };
    if (overlay === 'dev') {
      expected.postgres = { egress: dns, ingress: ['TCP/5432'] };
      expected.redis = { egress: dns, ingress: ['TCP/6379'] };
    }
    const actual: typeof expected = {};
    for (const w of workloads(objects())) {
      const labels = w.spec.template.metadata.labels;
      const container = mainContainer(w);
      actual[w.metadata.name] = {
        egress: policyPorts(objects(), labels, container, 'Egress'),
        ingress: policyPorts(objects(), labels, container, 'Ingress'),
      };
    }
    for (const ports of Object.values(expected)) ports.egress.sort();
    expect(actual).toEqual(expected);

    // HTTP comes only from the ingress controller's namespace (gateway and web); metrics only from monitoring.
    for (const [name, port] of [
      ['gateway', 5000],
      [WEB, 8080],
    ] as const) {
      const labels = deployment(objects(), name).spec.template.metadata.labels;
      const httpSources = policies
        .filter((p) => selects(p.spec?.podSelector, labels))
        .flatMap((p) => p.spec?.ingress ?? [])
        .filter((r) => r.ports?.some((p) => p.port === 'http' || p.port === port))
        .flatMap((r) => r.from ?? []);
      expect({ name, httpSources }).toEqual({
        name,
        httpSources: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
      });
    }
  });

  test('ingress: TLS (garage-tls) for the overlay host; /api and /health to the gateway, everything else to web', () => {
    const ingresses = of(objects(), 'Ingress');
    expect(ingresses).toHaveLength(1);
    const spec = ingresses[0].spec;
    expect(spec?.ingressClassName).toBe('nginx');
    expect(spec?.tls).toEqual([{ hosts: [HOSTS[overlay]], secretName: 'garage-tls' }]);
    expect(spec?.rules?.map((r) => r.host)).toEqual([HOSTS[overlay]]);
    const paths = spec?.rules?.[0].http.paths ?? [];
    expect(paths.map((p) => [p.path, p.pathType, p.backend.service.name])).toEqual([
      ['/api', 'Prefix', 'gateway'],
      ['/health', 'Exact', 'gateway'],
      ['/', 'Prefix', WEB],
    ]);
    // Each backend port is the Service's port 80, which reaches the container's HTTP port.
    for (const path of paths) {
      const name = path.backend.service.name;
      const port = named(objects(), 'Service', name)?.spec?.ports?.find(
        (p) => p.name === path.backend.service.port.name || p.port === path.backend.service.port.number,
      );
      expect({ name, port: port?.port }).toEqual({ name, port: 80 });
      const container = mainContainer(deployment(objects(), name));
      expect(portNumber(container, port?.targetPort)).toBe(name === WEB ? 8080 : 5000);
    }
  });

  test('web: the garage/web image on its files-only site, probed on index.html, behind its Service, scaled and budgeted', () => {
    const d = deployment(objects(), WEB);
    const container = mainContainer(d);
    const env = effectiveEnv(container, objects());
    // The site the image keeps for Kubernetes (infra/nginx/templates-web), on the port it names.
    expect(env.get('NGINX_ENVSUBST_TEMPLATE_DIR')?.value).toBe('/etc/nginx/templates-web');
    expect(existsSync(join(ROOT, 'infra/nginx/templates-web/default.conf.template'))).toBe(true);
    expect(readFileSync(join(ROOT, 'infra/nginx/Dockerfile'), 'utf8')).toMatch(
      /^COPY infra\/nginx\/templates-web \/etc\/nginx\/templates-web$/m,
    );
    expect(portNumber(container, 'http')).toBe(Number(env.get('HTTP_LISTEN')?.value));
    // Every variable set is one the template's defaults file knows, or the image entrypoint's own.
    const known = [
      ...readFileSync(join(ROOT, 'infra/nginx/docker-entrypoint.d/15-garage-defaults.envsh'), 'utf8').matchAll(
        /^: "\$\{([A-Z_]+):=/gm,
      ),
    ].map((m) => m[1]);
    expect([...env.keys()].filter((k) => !known.includes(k) && !k.startsWith('NGINX_ENVSUBST_'))).toEqual([]);
    for (const probe of ['readinessProbe', 'livenessProbe'] as const) {
      expect(container[probe]?.httpGet?.path).toBe('/index.html');
      expect(portNumber(container, container[probe]?.httpGet?.port)).toBe(8080);
    }
    const service = named(objects(), 'Service', WEB);
    expect(selects({ matchLabels: service?.spec?.selector as Labels }, d.spec.template.metadata.labels)).toBe(true);
    expect(d.spec.replicas).toBeUndefined();
    const hpa = of(objects(), 'HorizontalPodAutoscaler').filter((h) => h.spec?.scaleTargetRef?.name === WEB);
    expect(hpa).toHaveLength(1);
    expect(hpa[0].spec?.minReplicas ?? 1).toBeGreaterThanOrEqual(overlay === 'production' ? 2 : 1);
    expect(
      of(objects(), 'PodDisruptionBudget').filter((p) => selects(p.spec?.selector, d.spec.template.metadata.labels)),
    ).toHaveLength(1);
    // Only nginx serves the files: the gateway behind the same Ingress serves none.
    const gatewayEnv = effectiveEnv(mainContainer(deployment(objects(), 'gateway')), objects());
    expect(gatewayEnv.get('WEB_APP')?.value).toBe('false');
    expect(schemaShape('gateway').WEB_APP.parse(gatewayEnv.get('WEB_APP')?.value)).toBe(false);
  });
});

describe('k8s/overlays/production', () => {
  const objects = () => rendered.production;
  const config = () => Object.assign({}, ...of(objects(), 'ConfigMap').map((c) => c.data)) as Labels;

  test('ships no Secret (the real garage-secrets must exist) and no Postgres or Redis of its own', () => {
    expect(of(objects(), 'Secret')).toEqual([]);
    expect(
      workloads(objects())
        .map((w) => `${w.kind}/${w.metadata.name}`)
        .sort(),
    ).toEqual([...[...SERVICES, WEB].map((s) => `Deployment/${s}`).sort(), 'StatefulSet/nats']);
  });

  test('production mode, no demo data, events on 3 stream replicas (no more than NATS servers)', () => {
    expect(config().PRODUCTION).toBe('true');
    expect(config().DEMO_DATA).not.toBe('true');
    expect(config().EVENT_STREAM_REPLICAS).toBe('3');
    expect(named(objects(), 'StatefulSet', 'nats')?.spec?.replicas).toBeGreaterThanOrEqual(3);
  });
});

describe('k8s/overlays/dev', () => {
  const objects = () => rendered.dev;

  test('its own single Postgres 17 and Redis 7.4 (append-only file) on volumes', () => {
    const postgres = named(objects(), 'StatefulSet', 'postgres') as Workload | undefined;
    const redis = named(objects(), 'StatefulSet', 'redis') as Workload | undefined;
    expect(postgres?.spec.replicas).toBe(1);
    expect(redis?.spec.replicas).toBe(1);
    expect(postgres && mainContainer(postgres).image).toBe('postgres:17-bookworm');
    expect(redis && mainContainer(redis).image).toBe('redis:7.4-bookworm');
    expect(postgres?.spec.volumeClaimTemplates).toHaveLength(1);
    expect(redis?.spec.volumeClaimTemplates).toHaveLength(1);
    expect(redis && (mainContainer(redis).args ?? []).join(' ')).toMatch(/--appendonly yes/);
    // Its init script (a role per service) comes from a ConfigMap mounted where the image runs it.
    const initdb =
      postgres && mainContainer(postgres).volumeMounts?.find((m) => m.mountPath === '/docker-entrypoint-initdb.d');
    const volume = postgres?.spec.template.spec.volumes?.find((v) => v.name === initdb?.name);
    const script = named(objects(), 'ConfigMap', volume?.configMap?.name ?? '')?.data?.['10-garage-roles.sh'];
    expect(script).toBe(readFileSync(join(ROOT, 'k8s/overlays/dev/postgres/10-garage-roles.sh'), 'utf8'));
  });

  test('an example Secret with placeholders only, whose URLs the services accept and whose roles match', () => {
    const secrets = of(objects(), 'Secret');
    expect(secrets.map((s) => s.metadata.name)).toEqual([SECRET]);
    const data = secrets[0].stringData ?? {};
    expect(Object.keys(data).sort()).toEqual([...DEV_SECRET_KEYS].sort());
    expect(Object.entries(data).filter(([, v]) => !v.includes('change-me') && !/^redis:\/\/redis:/.test(v))).toEqual(
      [],
    );
    const shape = schemaShape('auth');
    expect(shape.REDIS_URL.safeParse(data.REDIS_URL).success).toBe(true);
    for (const service of NATS_SERVICES) {
      const upper = service.toUpperCase();
      const url = data[`${upper}_DATABASE_URL`];
      expect(shape.DATABASE_URL.safeParse(url).success).toBe(true);
      const parsed = new URL(url);
      expect([parsed.username, decodeURIComponent(parsed.password), parsed.host, parsed.pathname]).toEqual([
        `garage_${service}`,
        data[`${upper}_DB_PASSWORD`],
        'postgres:5432',
        '/garage',
      ]);
    }
  });

  test('not production: PRODUCTION=false and demo data', () => {
    const config = Object.assign({}, ...of(objects(), 'ConfigMap').map((c) => c.data)) as Labels;
    expect(config.PRODUCTION).toBe('false');
    expect(config.DEMO_DATA).toBe('true');
  });
});

test("the dev Postgres init script is a byte-identical copy of infra's (kustomize reads only inside k8s/)", () => {
  const original = readFileSync(join(ROOT, 'infra/postgres/initdb/10-garage-roles.sh'));
  const copy = readFileSync(join(ROOT, 'k8s/overlays/dev/postgres/10-garage-roles.sh'));
  expect(copy.equals(original)).toBe(true);
});
