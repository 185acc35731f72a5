import autocannon from 'autocannon';

/** One HTTP request to hammer. */
export interface Target {
  url: string;
  method: 'GET' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  body?: string;
  /**
   * Bodies each connection sends in turn under load (autocannon's `requests`), e.g. +1 then −1;
   * a single call (readiness check, drain) sends `body`.
   */
  alternate?: string[];
  /**
   * Under load, builds every request afresh (its own body and extra headers, e.g. a new slot, a
   * customer's token and a fresh Idempotency-Key); a single call sends `body` and `headers`.
   */
  next?: () => { body: string; headers: Record<string, string> };
  /**
   * Under load, the body of the n-th request (e.g. sign-ins that take turns over many accounts, so
   * each account has about one attempt in flight); a single call sends `body`.
   */
  nth?: (n: number) => string;
}

/** What a measured run saw; latencies in milliseconds, of 2xx responses only. */
export interface LoadResult {
  connections: number;
  seconds: number;
  ok: number;
  failed: number;
  statusCodes: Record<string, number>;
  reqPerSec: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  /** CPU seconds each process under test (and the load generator) used during the run, where /proc exists. */
  cpuSeconds?: Record<string, number>;
  /** Other work on the machine took a share of the cores during the run: compare with care. */
  disturbed?: boolean;
}

/** A measured run with its raw latencies, so rounds can be merged into exact percentiles. */
export interface Measured {
  result: LoadResult;
  latencies: Float64Array;
}

const running = new Set<autocannon.Instance>();

/** Stops every load in flight (Ctrl-C). */
export function stopAllLoads(): void {
  for (const instance of running) instance.stop();
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(latencies: Float64Array): Pick<LoadResult, 'p50' | 'p99' | 'mean' | 'max'> {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/**
 * Runs `connections` closed-loop connections against a target for `seconds`. Latencies are
 * recorded per response at full precision (autocannon's own histogram has 1 ms buckets).
 * `stop()` ends it early; the promise then resolves with what was measured so far.
 */
export function startLoad(
  target: Target,
  connections: number,
  seconds: number,
): { done: Promise<Measured>; stop: () => void } {
  const latencies: number[] = [];
  const { alternate, next, nth, ...request } = target;
  let sent = 0;
  // autocannon's per-connection context starts afresh after each request, so turns are counted here.
  const own = nth ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: nth(sent++) }) }] : undefined;
  const fresh = next
    ? [
        {
          setupRequest: (req: autocannon.Request) => {
            const made = next();
            return { ...req, body: made.body, headers: { ...req.headers, ...made.headers } };
          },
        },
      ]
    : undefined;
  const instance = autocannon({
    ...request,
    ...(alternate ? { requests: alternate.map((body) => ({ body })) } : {}),
    ...(fresh ? { requests: fresh } : {}),
    ...(own ? { requests: own } : {}),
    connections,
    duration: seconds,
    timeout: 10,
  });
  running.add(instance);
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const done = (async (): Promise<Measured> => {
    try {
      const r = await instance;
      const statusCodes: Record<string, number> = {};
      for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = count;
      const elapsed = r.duration > 0 ? r.duration : seconds;
      const values = Float64Array.from(latencies);
      return {
        latencies: values,
        result: {
          connections,
          seconds: elapsed,
          ok: r['2xx'],
          failed: r.non2xx + r.errors + r.timeouts,
          statusCodes,
          reqPerSec: r['2xx'] / elapsed,
          ...summarize(values),
        },
      };
    } finally {
      running.delete(instance);
    }
  })();
  return { done, stop: () => instance.stop() };
}

/** Runs a load to completion. */
export function runLoad(target: Target, connections: number, seconds: number): Promise<Measured> {
  return startLoad(target, connections, seconds).done;
}
