import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SERVICES } from '@garage/shared';
import { defaultHealthPort, settingsOf, shutdownGraceSeconds, type ProcessName } from './support/env-schemas.js';

/**
 * infra/systemd: the units of a single host without containers, checked by systemd's own tools
 * (`systemd-analyze verify` and `systemd-analyze security --offline`). This machine has no systemd
 * running, so nothing here starts them: the checks are what systemd would refuse or warn about,
 * and how exposed it rates them.
 */

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');
const UNITS = join(ROOT, 'infra/systemd');
const ANALYZE = '/usr/bin/systemd-analyze';
const INSTALL_DIR = '/opt/garage';
const PROCESSES: ProcessName[] = ['gateway', ...SERVICES];
const INSTANCES = PROCESSES.flatMap((p) => [`garage@${p}.service`, `garage-migrate@${p}.service`]);

/**
 * What `systemd-analyze security` still marks on our units, and why each stays. Anything else it
 * marks fails the test, naming the option that went missing.
 */
const ACCEPTED_GAPS: Record<string, string> = {
  'MemoryDenyWriteExecute=': "V8's JIT writes machine code and then runs it; node aborts with this option",
  'PrivateNetwork=': 'a network service: it talks to PostgreSQL, Redis, NATS and its clients',
  'RestrictAddressFamilies=~AF_(INET|INET6)': 'the same: TCP to the backing servers and from clients',
  'RestrictAddressFamilies=~AF_UNIX': "PostgreSQL's and Redis's local sockets are a common single-host set-up",
  'IPAddressDeny=':
    "where PostgreSQL, Redis, NATS and the clients are is the host's business (a firewall), not the unit's",
  'RootDirectory=/RootImage=': "it runs the host's node and /opt/garage; an image is what the containers are for",
  'ProcSubset=': 'V8 and libuv size the heap and the thread pool from /proc/meminfo and friends',
  'DeviceAllow=': "ProtectClock=yes's own read-only rule for the RTC",
};
/**
 * The overall exposure may not pass 1.5 (systemd-analyze's scale is 0-10; 1.0-4.9 is "OK", below
 * 1.0 "SAFE"). The units rate 1.1: what is left are the gaps above, the floor for a network
 * service on a JIT. 1.5 leaves room for a newer systemd weighing those a little differently, and
 * is passed by dropping the system call filter (2.7) or the capability bounding set (2.9).
 * The list of gaps above is the strict check: it fails on any single option dropped.
 */
const THRESHOLD = 1.5;

let dir: string;

/** The units as installed, but pointing at this checkout and at the node running the test (verify checks ExecStart exists). */
async function installCopy(target: string, edit: (text: string) => string = (t) => t): Promise<void> {
  for (const name of await readdir(UNITS)) {
    if (!/\.(service|target)$/.test(name)) continue;
    const text = await readFile(join(UNITS, name), 'utf8');
    await writeFile(
      join(target, name),
      edit(text.replaceAll(INSTALL_DIR, ROOT).replaceAll('/usr/bin/node', process.execPath)),
    );
  }
}

async function analyze(args: string[], cwd = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(ANALYZE, args, { cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

interface SecurityItem {
  name: string;
  set: boolean | null;
  exposure: string | null;
}

/** The options `systemd-analyze security` marks as missing (exposure above zero), by name. */
async function gaps(unit: string, cwd = dir): Promise<string[]> {
  const { stdout } = await analyze(['security', '--offline=yes', '--no-pager', '--json=short', `./${unit}`], cwd);
  const items = JSON.parse(stdout) as SecurityItem[];
  return items.filter((i) => i.set === false && Number(i.exposure ?? 0) > 0).map((i) => i.name);
}

/** `KEY=value` lines of a unit's section, or of an EnvironmentFile. */
function settings(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .filter((l) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
}

beforeAll(async () => {
  if (!existsSync(ANALYZE)) throw new Error(`${ANALYZE} is missing: apt-get install systemd`);
  dir = await mkdtemp(join(tmpdir(), 'garage-systemd-'));
  await installCopy(dir);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('infra/systemd', () => {
  it('systemd-analyze verify passes the target and every instance without a warning (and does catch a mistake)', async () => {
    const ok = await analyze(['verify', '--man=no', './garage.target', ...INSTANCES.map((u) => `./${u}`)]);
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });

    // A misspelt option is only a warning to systemd (exit 0): the empty stderr above is the check.
    const broken = await mkdtemp(join(tmpdir(), 'garage-systemd-broken-'));
    try {
      await installCopy(broken, (t) => t.replace('ProtectHome=yes', 'ProtectHom=yes'));
      const bad = await analyze(['verify', '--man=no', './garage@auth.service'], broken);
      expect(bad.stderr).toContain("Unknown key 'ProtectHom'");
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('one instance per process, each starting the compiled main.js after its own migrations', async () => {
    const target = await readFile(join(UNITS, 'garage.target'), 'utf8');
    const wants = settings(target)
      .filter(([k]) => k === 'Wants')
      .flatMap(([, v]) => v.split(/\s+/));
    expect(wants.sort()).toEqual(PROCESSES.map((p) => `garage@${p}.service`).sort());
    const unit = new Map(settings(await readFile(join(UNITS, 'garage@.service'), 'utf8')));
    expect(unit.get('ExecStart')).toBe(`/usr/bin/node ${INSTALL_DIR}/services/%i/dist/main.js`);
    expect(unit.get('Requires')).toBe('garage-migrate@%i.service');
    expect(unit.get('After')).toMatch(/^garage-migrate@%i\.service /);
    const migrate = new Map(settings(await readFile(join(UNITS, 'garage-migrate@.service'), 'utf8')));
    expect(migrate.get('ExecStart')).toBe(`/usr/bin/node ${INSTALL_DIR}/services/%i/dist/migrate.js`);
    expect(migrate.get('ConditionPathExists')).toBe(`${INSTALL_DIR}/services/%i/dist/migrate.js`);
    for (const p of PROCESSES) {
      expect({ p, main: existsSync(join(ROOT, 'services', p, 'dist/main.js')) }).toEqual({ p, main: true });
      // The gateway has no schema: its migrate unit is skipped by the condition, which does not fail garage@gateway.
      expect({ p, migrate: existsSync(join(ROOT, 'services', p, 'dist/migrate.js')) }).toEqual({
        p,
        migrate: p !== 'gateway',
      });
    }
  });

  it.each(['garage@.service', 'garage-migrate@.service'])(
    '%s: a dedicated user, the env files, restarts, no MemoryDenyWriteExecute',
    async (name) => {
      const text = await readFile(join(UNITS, name), 'utf8');
      const all = settings(text);
      const one = new Map(all);
      expect(one.get('User')).toBe('garage');
      expect(all.filter(([k]) => k === 'EnvironmentFile').map(([, v]) => v)).toEqual([
        '/etc/garage/garage.env',
        '-/etc/garage/%i.env',
      ]);
      if (name === 'garage@.service') expect(one.get('Restart')).toBe('always');
      else expect(one.get('Type')).toBe('oneshot');
      expect(one.has('MemoryDenyWriteExecute')).toBe(false);
      expect(text).toMatch(/Not set: MemoryDenyWriteExecute=yes\. V8's JIT|no MemoryDenyWriteExecute for node's JIT/);
    },
  );

  it.each(['garage@auth.service', 'garage-migrate@auth.service', 'garage@gateway.service'])(
    `systemd-analyze security rates %s under ${THRESHOLD}, with only the accepted gaps`,
    async (unit) => {
      expect({ unit, unexplained: (await gaps(unit)).filter((g) => !(g in ACCEPTED_GAPS)) }).toEqual({
        unit,
        unexplained: [],
      });
      const rated = await analyze([
        'security',
        '--offline=yes',
        '--no-pager',
        `--threshold=${THRESHOLD * 10}`,
        `./${unit}`,
      ]);
      const overall = /Overall exposure level for \S+: ([\d.]+)/.exec(rated.stdout)?.[1];
      expect({ unit, code: rated.code, overall: Number(overall) <= THRESHOLD }).toEqual({
        unit,
        code: 0,
        overall: true,
      });
    },
  );

  it('the checks fail when a protection goes', async () => {
    const weaker = await mkdtemp(join(tmpdir(), 'garage-systemd-weaker-'));
    try {
      await installCopy(weaker, (t) =>
        t.replace(/^NoNewPrivileges=yes\n/m, '').replace(/^SystemCallFilter=.*\n/gm, ''),
      );
      expect(await gaps('garage@auth.service', weaker)).toEqual(
        expect.arrayContaining(['NoNewPrivileges=', 'SystemCallFilter=~@privileged']),
      );
      const rated = await analyze(
        ['security', '--offline=yes', '--no-pager', `--threshold=${THRESHOLD * 10}`, './garage@auth.service'],
        weaker,
      );
      expect(rated.code).not.toBe(0);
    } finally {
      await rm(weaker, { recursive: true, force: true });
    }
  });

  it('systemd stops a process a bit after its drain ends: TimeoutStopSec over SHUTDOWN_GRACE_MS', async () => {
    const unit = new Map(settings(await readFile(join(UNITS, 'garage@.service'), 'utf8')));
    const shared = new Map(settings(await readFile(join(UNITS, 'env/garage.env'), 'utf8')));
    const drain = shutdownGraceSeconds(shared.get('SHUTDOWN_GRACE_MS'));
    const timeout = Number(unit.get('TimeoutStopSec'));
    expect({ drain, over: timeout > drain && timeout <= drain + 10 }).toEqual({ drain: 20, over: true });
  });

  it("the example env files: known settings only, README's health ports, no secret filled in", async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const known = (p: ProcessName) => Object.keys(settingsOf(p));
    const shared = settings(await readFile(join(UNITS, 'env/garage.env'), 'utf8'));
    const every = [...shared];
    expect(shared.map(([k]) => k).filter((k) => !PROCESSES.some((p) => known(p).includes(k)))).toEqual([]);
    // Per process: HEALTH_PORT is the process's own (one shared value would put them all on one port).
    expect(shared.map(([k]) => k)).not.toContain('HEALTH_PORT');
    for (const p of PROCESSES) {
      const own = settings(await readFile(join(UNITS, `env/${p}.env`), 'utf8'));
      every.push(...own);
      expect({ p, unknown: own.map(([k]) => k).filter((k) => !known(p).includes(k)) }).toEqual({ p, unknown: [] });
      const port = Number(new Map(own).get('HEALTH_PORT'));
      // The service's default and README's table say the same port.
      expect({ p, port }).toEqual({ p, port: defaultHealthPort(p) });
      expect(readme).toMatch(new RegExp(`\\| \`HEALTH_PORT\` +\\|[^|\\n]*\\b${p} ${port}\\b`));
      expect(new Map(own).get('NATS_USER')).toBe(p);
      if (p !== 'gateway')
        expect(new Map(own).get('DATABASE_URL')).toMatch(new RegExp(`^postgres://garage_${p}:CHANGE-ME@`));
    }
    for (const [k, v] of every) {
      if (/SECRET|PASSWORD/.test(k)) expect({ k, v }).toEqual({ k, v: '' });
    }
  });
});
