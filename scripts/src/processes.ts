import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { prettyPipe } from './pretty-logs.js';

export const ROOT = resolve(__dirname, '..', '..');

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts a built service (`services/<name>/dist/main.js`) as a child process with extra environment.
 * Its output is this process's (inherit), collected by the caller (pipe), or shown one readable
 * line per log entry (pretty, pretty-logs.ts).
 */
export function startService(
  name: string,
  env: NodeJS.ProcessEnv,
  output: 'inherit' | 'pipe' | 'pretty' = 'inherit',
): ServiceProcess {
  const stdio = output === 'pretty' ? 'pipe' : output;
  const child = spawn(process.execPath, [resolve(ROOT, 'services', name, 'dist', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', stdio, stdio],
  });
  if (output === 'pretty') {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    prettyPipe(child.stdout!, process.stdout, color);
    prettyPipe(child.stderr!, process.stderr, color);
  }
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { name, child, exited };
}

/** Polls a URL until it answers 200, the process dies, or the deadline passes. */
export async function waitForHttp(url: string, proc: ServiceProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void proc.exited.then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`${proc.name} exited during start-up`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

/** Asks every process to stop (SIGTERM) and waits for all of them. */
export async function stopAll(procs: ServiceProcess[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
}
