import { toWireError } from '../errors.js';

/**
 * True for an error that says a backing server cannot be reached right now (refused, reset, a DNS
 * answer that did not come: EAI_AGAIN, Postgres starting or stopping), as opposed to one that will
 * not change by waiting (a wrong password, a missing database).
 */
export function isUnavailable(err: unknown): boolean {
  return toWireError(err).code === 'SERVICE_UNAVAILABLE';
}

export interface WaitOptions {
  /** Give up (throw the last error) after this long. */
  waitMs: number;
  /** Retry only errors this accepts; the default retries every error. */
  retryIf?: (err: unknown) => boolean;
  /** Told about each failed attempt that will be retried. */
  onRetry?: (err: unknown) => void;
  /** Pause between attempts (default one second). */
  intervalMs?: number;
}

/**
 * Runs `attempt` until it succeeds, once a second by default, for at most `waitMs`: a server that is still
 * starting (compose, a rescheduled pod) or a container network whose DNS has not answered yet.
 */
export async function waitFor<T>(attempt: () => Promise<T>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline || (options.retryIf && !options.retryIf(err))) throw err;
      options.onRetry?.(err);
      await new Promise((r) => setTimeout(r, options.intervalMs ?? 1000));
    }
  }
}
