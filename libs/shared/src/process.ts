import { maskSecrets } from './secrets.js';

/** Something running that can be stopped cleanly. */
export interface Closable {
  close(): Promise<void>;
  /** How long close() may take after a signal before the process exits 1 anyway (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number;
}

/** When the process has no SHUTDOWN_GRACE_MS of its own (the config schema's default). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;

/** Explains a start-up failure in one line a newcomer can act on, with no credential in it. */
export function describeStartupError(err: unknown): string {
  return maskSecrets(explain(err));
}

function explain(err: unknown): string {
  const e = err as { code?: string; message?: string; address?: string; port?: number };
  const text = `${e?.code ?? ''} ${e?.message ?? String(err)}`;
  if (/ECONNREFUSED.*5432|postgres/i.test(text) || e?.port === 5432)
    return `Cannot reach PostgreSQL (${e.message}). Is it running?`;
  if (/6379|redis/i.test(text)) return `Cannot reach Redis (${e.message}). Is it running?`;
  if (/4222|nats/i.test(text)) return `Cannot reach NATS (${e.message}). Is it running with JetStream (-js)?`;
  if (e?.code === 'EADDRINUSE') return `Port already in use: ${e.message}`;
  return e?.message ?? String(err);
}

/**
 * Starts a process's work, then stops it cleanly on SIGINT/SIGTERM (exit 0); a failed start, a
 * failed stop, or a stop still running after the grace period exits with status 1.
 */
export async function runUntilSignal(name: string, start: () => Promise<Closable>): Promise<void> {
  let running: Closable;
  try {
    running = await start();
  } catch (err) {
    process.stderr.write(`${name}: failed to start: ${describeStartupError(err)}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = running.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    const force = setTimeout(() => {
      process.stderr.write(`${name}: still stopping ${graceMs} ms after ${signal} (SHUTDOWN_GRACE_MS); exiting\n`);
      process.exit(1);
    }, graceMs);
    force.unref();
    running
      .close()
      .then(() => process.exit(0))
      .catch((err) => {
        process.stderr.write(`${name}: error while stopping after ${signal}: ${maskSecrets(String(err))}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
