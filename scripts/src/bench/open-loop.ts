/**
 * An open-loop load generator: requests leave at a fixed arrival rate whatever the system answers
 * (a closed loop, autocannon's, slows down with the system and hides its latency), and each latency is
 * measured from the moment the request was *scheduled*, so time spent queued in the generator or for a
 * socket counts too (no coordinated omission).
 */
import { Agent, request as httpRequest } from 'node:http';
import { percentile } from './load.js';

/** One request of the mix, built when it is due. */
export interface OpenRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called with the status and body of the answer (e.g. to remember a new booking's id). */
  onAnswer?: (status: number, body: string) => void;
}

/** A kind of request and its share of the arrivals; `make` returns null when it has nothing to send now. */
export interface RequestKind {
  name: string;
  share: number;
  make: () => OpenRequest | null;
  /** Statuses that are answers, not failures (e.g. 304, or a 409 for a slot someone else took). */
  expected?: number[];
}

export interface KindResult {
  name: string;
  sent: number;
  ok: number;
  /** Expected non-2xx answers (see RequestKind.expected). */
  expected: number;
  failed: number;
  /** Not sent: nothing to send at the time (no booking to move yet). */
  skipped: number;
  statusCodes: Record<string, number>;
  p50: number;
  p99: number;
}

export interface StepResult {
  /** Offered arrival rate, requests/s. */
  rate: number;
  seconds: number;
  /** Answered requests (2xx and expected statuses) per second. */
  throughput: number;
  p50: number;
  p99: number;
  failed: number;
  /** Requests due that could not even start (the generator's in-flight cap was reached): counted as failed. */
  shed: number;
  kinds: KindResult[];
}

const TICK_MS = 2;
/** Requests in flight at most; beyond it the system is far past its knee and arrivals are shed. */
const MAX_IN_FLIGHT = 4000;
/** A request not answered in this time is a failure. */
const TIMEOUT_MS = 10_000;

/** Picks kinds by their shares with a fixed sequence (a low-discrepancy walk), so every step sees the same mix. */
function chooser(kinds: RequestKind[]): () => RequestKind {
  const total = kinds.reduce((sum, k) => sum + k.share, 0);
  const credit = kinds.map(() => 0);
  return () => {
    let best = 0;
    for (let i = 0; i < kinds.length; i++) {
      credit[i] += kinds[i].share / total;
      if (credit[i] > credit[best]) best = i;
    }
    credit[best] -= 1;
    return kinds[best];
  };
}

/**
 * Sends requests at `rate` per second for `seconds`, spread over `bases` (one gateway after the other),
 * and waits for the last answer (or its timeout). Latency = answer time − scheduled time.
 */
export async function runOpenLoop(
  bases: string[],
  kinds: RequestKind[],
  rate: number,
  seconds: number,
): Promise<StepResult> {
  const agents = bases.map(() => new Agent({ keepAlive: true, maxSockets: 256 }));
  const targets = bases.map((b) => new URL(b));
  const pick = chooser(kinds);
  const latencies = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
  const counts = new Map<string, KindResult>(
    kinds.map((k) => [
      k.name,
      { name: k.name, sent: 0, ok: 0, expected: 0, failed: 0, skipped: 0, statusCodes: {}, p50: NaN, p99: NaN },
    ]),
  );
  let inFlight = 0;
  let shed = 0;
  let sent = 0;
  const due = Math.round(rate * seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];

  const send = (kind: RequestKind, scheduledAt: number, index: number) => {
    const count = counts.get(kind.name)!;
    const req = kind.make();
    if (!req) {
      count.skipped++;
      return;
    }
    count.sent++;
    if (inFlight >= MAX_IN_FLIGHT) {
      shed++;
      count.failed++;
      count.statusCodes.shed = (count.statusCodes.shed ?? 0) + 1;
      return;
    }
    inFlight++;
    const target = targets[index % targets.length];
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const headers: Record<string, string | number> = { ...req.headers };
    if (body) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = body.length;
    }
    pending.push(
      new Promise<void>((done) => {
        const finish = (status: number | 'error', text: string) => {
          inFlight--;
          const key = String(status);
          count.statusCodes[key] = (count.statusCodes[key] ?? 0) + 1;
          const answered = typeof status === 'number' && status >= 200 && status < 300;
          const expected = typeof status === 'number' && (kind.expected ?? []).includes(status);
          if (answered) count.ok++;
          else if (expected) count.expected++;
          else count.failed++;
          if (answered || expected) latencies.get(kind.name)!.push(performance.now() - scheduledAt);
          if (typeof status === 'number') req.onAnswer?.(status, text);
          done();
        };
        const r = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.path,
            headers,
            agent: agents[index % agents.length],
            timeout: TIMEOUT_MS,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
            res.on('error', () => finish('error', ''));
          },
        );
        r.on('timeout', () => r.destroy(new Error('timeout')));
        r.on('error', () => finish('error', ''));
        r.end(body);
      }),
    );
  };

  await new Promise<void>((allSent) => {
    const tick = () => {
      const now = performance.now();
      // Every request whose time has come leaves now, stamped with its own scheduled time.
      while (sent < due) {
        const scheduledAt = started + (sent * 1000) / rate;
        if (scheduledAt > now) break;
        send(pick(), scheduledAt, sent);
        sent++;
      }
      if (sent >= due) allSent();
      else setTimeout(tick, TICK_MS);
    };
    tick();
  });
  await Promise.all(pending);
  for (const a of agents) a.destroy();

  const all: number[] = [];
  const kindResults = kinds.map((k) => {
    const c = counts.get(k.name)!;
    const sorted = Float64Array.from(latencies.get(k.name)!).sort();
    for (const v of sorted) all.push(v);
    return { ...c, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  });
  const sorted = Float64Array.from(all).sort();
  const answered = kindResults.reduce((n, k) => n + k.ok + k.expected, 0);
  const failed = kindResults.reduce((n, k) => n + k.failed, 0);
  // Failures weigh as the worst latency there is: a step that sheds or times out is past the knee.
  const p99 =
    failed / Math.max(1, answered + failed) > 0.01
      ? Math.max(TIMEOUT_MS, percentile(sorted, 99))
      : percentile(sorted, 99);
  return {
    rate,
    seconds,
    throughput: answered / seconds,
    p50: percentile(sorted, 50),
    p99,
    failed,
    shed,
    kinds: kindResults,
  };
}
