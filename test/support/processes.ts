import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { until } from './waits.js';

/** A TCP port nobody listens on right now (on 127.0.0.1). */
export async function freePort(): Promise<number> {
  return new Promise((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => done(port));
    });
  });
}

export interface Child {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not gone within the grace time. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a command with its output collected (for failure messages), never inherited. */
export function spawnChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Child {
  let output = '';
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => done(code));
    child.once('error', (err) => {
      output += String(err);
      done(-1);
    });
  });
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to its end; rejects with its output when it fails. */
export async function runToEnd(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const run = spawnChild(command, args, { cwd: options.cwd, env: options.env ?? process.env });
  const code = await run.exited;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${run.output()}`);
  return run.output();
}

/** Polls a URL until it answers 200; fails early (with the process's output) if the process dies. */
export async function waitForOk(url: string, proc: Child, timeoutMs = 30_000): Promise<void> {
  const alive = whileAlive(proc, `${url} answered`);
  const answers = async () => {
    alive();
    try {
      return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
    } catch {
      return false; // not up yet
    }
  };
  await until(`${url} to answer 200`, answers, { timeoutMs, everyMs: 100, detail: proc.output });
}

/** Waits until a process has printed something matching `pattern`; fails with its output if it exits or the time is up. */
export async function waitForOutput(proc: Child, pattern: RegExp, timeoutMs: number): Promise<void> {
  const alive = whileAlive(proc, `printing ${pattern}`);
  const printed = () => {
    if (pattern.test(proc.output())) return true;
    alive();
    return false;
  };
  await until(`the process to print ${pattern}`, printed, { timeoutMs, detail: proc.output });
}

/** A check that throws, with the process's output, once the process has exited (or failed to start). */
function whileAlive(proc: Child, before: string): () => void {
  let exited = false;
  void proc.exited.then(() => (exited = true));
  return () => {
    if (exited) throw new Error(`process exited before ${before}:\n${proc.output()}`);
  };
}
