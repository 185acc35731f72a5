import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { until } from '../../support/waits.js';

/** infra/nginx: the production configuration under test, used as it is committed. */
export const NGINX_DIR = resolve(__dirname, '../../../infra/nginx');
/** The two sites of the garage/web image: the compose edge (TLS, API proxied) and Kubernetes' files-only one. */
const TEMPLATES = {
  edge: join(NGINX_DIR, 'templates/default.conf.template'),
  web: join(NGINX_DIR, 'templates-web/default.conf.template'),
};
/** Where the image installs infra/nginx/garage (the snippets both sites include). */
const SNIPPETS = '/etc/nginx/garage/';
const DEFAULTS = join(NGINX_DIR, 'docker-entrypoint.d/15-garage-defaults.envsh');

/** The path of Debian's nginx, installed (nginx-light) when missing and this process may. */
export function ensureNginx(): string {
  const found = which('nginx');
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error('nginx is not installed, and only root can install it: apt-get install nginx-light');
  }
  // Output kept (stdio: pipe), so that a failed install says why.
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'pipe' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], {
    stdio: 'pipe',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = which('nginx');
  if (!installed) throw new Error('apt-get install nginx-light did not give an nginx');
  return installed;
}

function which(command: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin']) {
    const path = join(dir, command);
    if (dir && existsSync(path)) return path;
  }
  return null;
}

/** A TCP port nobody listens on right now (on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => done(port));
    });
    srv.on('error', fail);
  });
}

/** The template variables, named by the defaults file (one `: "${NAME:=value}"` line each). */
export function templateVariables(): string[] {
  return [...readFileSync(DEFAULTS, 'utf8').matchAll(/^: "\$\{([A-Z][A-Z0-9_]*):=/gm)].map((m) => m[1]);
}

/**
 * The variables' values as the image's entrypoint has them: the given environment with the
 * defaults file sourced by a real sh (so the file itself is under test too).
 */
export function templateValues(env: Record<string, string>): Record<string, string> {
  const names = templateVariables();
  const out = execFileSync('sh', ['-c', '. "$0" && env', DEFAULTS], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  const values: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const name = line.slice(0, line.indexOf('='));
    if (names.includes(name)) values[name] = line.slice(name.length + 1);
  }
  return values;
}

/**
 * envsubst's rules with a list of names (as the image's 20-envsubst-on-templates.sh calls it):
 * `$NAME` and `${NAME}` of a listed, set variable are replaced; everything else, nginx's own
 * `$variables` included, stays as it is.
 */
export function envsubst(text: string, values: Record<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced, bare) => {
    const name = (braced ?? bare) as string;
    return Object.hasOwn(values, name) ? values[name] : whole;
  });
}

export interface RunningNginx {
  httpPort: number;
  httpsPort: number;
  /** The self-signed development certificate nginx serves: the test's only trusted CA. */
  ca: Buffer;
  /** The rendered site configuration (conf.d/default.conf). */
  config: string;
  /** What `nginx -t` said. */
  configTest: string;
  /** nginx's stdout and stderr so far (access log, error log). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Renders infra/nginx for the given gateway into a temporary directory and runs nginx from it in
 * the foreground, as an unprivileged user (nobody) when this process is root, as in the container.
 */
export async function startNginx(options: {
  /** The gateway the edge site proxies to (the files-only site proxies nothing). */
  gatewayUrl?: string;
  /** Which of the image's sites: `edge` (compose, the default) or `web` (Kubernetes). */
  site?: keyof typeof TEMPLATES;
  webRoot?: (dir: string) => void;
  env?: Record<string, string>;
}): Promise<RunningNginx> {
  const site = options.site ?? 'edge';
  const nginx = ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'garage-nginx-'));
  let child: ChildProcess | undefined;
  try {
    mkdirSync(join(dir, 'conf.d'));
    mkdirSync(join(dir, 'certs'));
    mkdirSync(join(dir, 'html'));
    cpSync(join(NGINX_DIR, 'garage'), join(dir, 'garage'), { recursive: true });
    execFileSync(join(NGINX_DIR, 'make-dev-cert.sh'), [join(dir, 'certs')], { stdio: 'pipe' });
    options.webRoot?.(join(dir, 'html'));

    const [httpPort, httpsPort] = await twoFreePorts();
    const values = templateValues({
      ...(options.gatewayUrl ? { GATEWAY_UPSTREAM: new URL(options.gatewayUrl).host } : {}),
      HTTP_LISTEN: `127.0.0.1:${httpPort}`,
      HTTPS_LISTEN: `127.0.0.1:${httpsPort}`,
      HTTPS_PORT: String(httpsPort),
      TLS_CERT: join(dir, 'certs/fullchain.pem'),
      TLS_KEY: join(dir, 'certs/privkey.pem'),
      WEB_ROOT: join(dir, 'html'),
      ...options.env,
    });
    // The snippets' container path moved into the test's directory, as mainConfig does below.
    const rendered = envsubst(readFileSync(TEMPLATES[site], 'utf8'), values);
    if (!rendered.includes(`include ${SNIPPETS}`)) throw new Error(`the ${site} site no longer includes ${SNIPPETS}`);
    const config = rendered.replaceAll(SNIPPETS, `${dir}/garage/`);
    writeFileSync(join(dir, 'conf.d/default.conf'), config);
    writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));

    // As in the container: nginx runs as a user that owns only its own files. Its stdout/stderr
    // are a file it owns (runc likewise hands a non-root container user its stdio), because
    // the access log reopens /dev/stdout, which node's stdio pipes (sockets) would refuse.
    const logPath = join(dir, 'nginx.log');
    writeFileSync(logPath, '');
    const asUser = unprivileged();
    if (asUser) chownTree(dir, asUser.uid, asUser.gid);
    chmodSync(dir, 0o755);
    const command = (args: string[]): [string, string[]] =>
      asUser
        ? ['setpriv', [`--reuid=${asUser.uid}`, `--regid=${asUser.gid}`, '--clear-groups', nginx, ...args]]
        : [nginx, args];
    const base = ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf')];

    const [testCmd, testArgs] = command([...base, '-t']);
    const testFd = openSync(logPath, 'a');
    const test = spawnSync(testCmd, testArgs, { stdio: ['ignore', testFd, testFd] });
    closeSync(testFd);
    const configTest = readFileSync(logPath, 'utf8');
    writeFileSync(logPath, '');
    if (test.status !== 0) throw new Error(`nginx -t failed:\n${configTest}\n--- conf.d/default.conf ---\n${config}`);

    const logFd = openSync(logPath, 'a');
    const [runCmd, runArgs] = command([...base, '-g', 'daemon off;']);
    // A process group of its own, so that a hung nginx goes with all its workers (see stop).
    child = spawn(runCmd, runArgs, { stdio: ['ignore', logFd, logFd], detached: true });
    closeSync(logFd);
    const started = child;
    const exited = new Promise<void>((done) => started.once('exit', () => done()));
    const log = () => readFileSync(logPath, 'utf8');
    await untilListening(site === 'edge' ? [httpPort, httpsPort] : [httpPort], started, log);

    return {
      httpPort,
      httpsPort,
      ca: readFileSync(join(dir, 'certs/fullchain.pem')),
      config,
      configTest,
      log,
      async stop() {
        if (started.exitCode === null && started.signalCode === null) {
          // SIGTERM: nginx's fast shutdown (master and workers); if it hangs, the whole group is killed.
          started.kill('SIGTERM');
          const timer = setTimeout(() => killGroup(started), 5000);
          await exited;
          clearTimeout(timer);
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    if (child) killGroup(child);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** SIGKILL to the nginx master and its workers (its process group, started detached above). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * The committed nginx.conf with its fixed container paths moved into the test's directory: the
 * writable /tmp paths and the conf.d include. Each must be there, or the test no longer tests it.
 */
function mainConfig(dir: string): string {
  const original = readFileSync(join(NGINX_DIR, 'nginx.conf'), 'utf8');
  for (const needle of ['pid /tmp/', 'include /etc/nginx/conf.d/*.conf;']) {
    if (!original.includes(needle)) throw new Error(`infra/nginx/nginx.conf no longer has "${needle}"`);
  }
  return original.replaceAll('/tmp/', `${dir}/`).replaceAll('/etc/nginx/conf.d/', `${dir}/conf.d/`);
}

/** nobody's uid and gid when this process is root (nginx then starts as nobody), else null. */
function unprivileged(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

async function twoFreePorts(): Promise<[number, number]> {
  const a = await freePort();
  let b = await freePort();
  while (b === a) b = await freePort();
  return [a, b];
}

/** Polls until nginx accepts connections on every port; fails at once if it exits. */
async function untilListening(ports: number[], child: ChildProcess, log: () => string): Promise<void> {
  const listening = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    for (const port of ports) if (!(await accepts(port))) return false;
    return true;
  };
  await until(`nginx to listen on ${ports.join(' and ')}`, listening, { timeoutMs: 10_000, everyMs: 25, detail: log });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
