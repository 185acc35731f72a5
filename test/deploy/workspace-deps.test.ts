import { builtinModules } from 'node:module';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testEnv } from '../support/test-env.js';
import { freePort, runToEnd, spawnChild, waitForOk } from '../support/processes.js';

const ROOT = resolve(__dirname, '..', '..');
const WORKSPACES = [
  'libs/shared',
  'services/gateway',
  'services/auth',
  'services/catalog',
  'services/bookings',
  'services/inventory',
];
const SERVICES = WORKSPACES.filter((w) => w.startsWith('services/')).map((w) => w.slice('services/'.length));
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.js') && !e.name.endsWith('.spec.js'))
    .map((e) => join(e.parentPath, e.name));
}

/** Packages the compiled code of a workspace loads at run time (type-only imports are gone from dist). */
async function packagesLoaded(workspace: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of await jsFiles(join(ROOT, workspace, 'dist'))) {
    const code = await readFile(file, 'utf8');
    for (const m of code.matchAll(/require(?:\.resolve)?\(["']([^"'.][^"']*)["']\)/g)) {
      const spec = m[1];
      if (BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) continue;
      found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return found;
}

async function declared(workspace: string): Promise<Set<string>> {
  const pkg = JSON.parse(await readFile(join(ROOT, workspace, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return new Set(Object.keys(pkg.dependencies ?? {}));
}

describe('each workspace declares the packages it loads, and nothing else', () => {
  it.each(WORKSPACES)('%s', async (workspace) => {
    const loaded = await packagesLoaded(workspace);
    const listed = await declared(workspace);
    expect({ missing: [...loaded].filter((p) => !listed.has(p)).sort() }).toEqual({ missing: [] });
    expect({ unused: [...listed].filter((p) => !loaded.has(p)).sort() }).toEqual({ unused: [] });
  });
});

/**
 * What an image build does: only this service's production dependencies, installed from the
 * lockfile into a clean folder, with only its compiled code and the shared library's. The service
 * then has to start from there and report ready, or the test names what it could not load.
 */
describe('each service runs from its own production install', () => {
  let workdir: string;
  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'garage-deps-'));
  });
  afterAll(async () => {
    await rm(workdir, { recursive: true, force: true });
  });

  it.each(SERVICES)(
    '%s',
    async (service) => {
      const dir = join(workdir, service);
      await mkdir(dir);
      for (const file of ['package.json', 'package-lock.json']) await cp(join(ROOT, file), join(dir, file));
      // npm checks every workspace of the lockfile, so their package.json files come along; code only for two.
      for (const w of WORKSPACES) await cp(join(ROOT, w, 'package.json'), join(dir, w, 'package.json'));
      for (const w of ['libs/shared', `services/${service}`])
        await cp(join(ROOT, w, 'dist'), join(dir, w, 'dist'), { recursive: true });
      await runToEnd(
        'npm',
        [
          'ci',
          '--omit=dev',
          '--workspace',
          `services/${service}`,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
        ],
        { cwd: dir, env: { ...process.env, NODE_ENV: 'production' } },
      );

      const healthPort = await freePort();
      const env = testEnv({
        HEALTH_PORT: String(healthPort),
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'warn',
      });
      const proc = spawnChild(process.execPath, [join('services', service, 'dist', 'main.js')], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
      });
      try {
        await waitForOk(`http://127.0.0.1:${healthPort}/health/ready`, proc, 30_000).catch((err: Error) => {
          const missing = /Cannot find module '([^']+)'/.exec(err.message)?.[1];
          throw new Error(missing ? `${service} cannot load package "${missing}": ${err.message}` : err.message);
        });
      } finally {
        await proc.stop();
      }
    },
    90_000,
  );
});
