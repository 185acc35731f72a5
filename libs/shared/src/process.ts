import { maskSecrets } from './secrets.js';

/** Something running that can be stopped cleanly. */
export interface Closable {
  close(): Promise<void>;
}

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

/** Starts a process's work, then stops it cleanly on SIGINT/SIGTERM; a failed start exits with status 1. */
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
    const force = setTimeout(() => process.exit(1), 10_000);
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
