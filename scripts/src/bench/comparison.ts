import { DEMO_ADMIN, DEMO_CUSTOMER } from '@garage/auth/dist/demo/demo-credentials.js';
import { runLoad, startLoad, type Measured, type Target } from './load.js';
import { runLine, type EndpointReport, type StallReport, type SystemName } from './report.js';
import { INFRASTRUCTURE, LOAD_GENERATOR, OTHER, Runner, call, sleep, summarizeRuns } from './runner.js';
import type { BenchSettings } from './settings.js';

/** The product runs first in odd rounds, the floor in even ones. */
export const SYSTEMS: SystemName[] = ['product', 'floor'];
/**
 * The processes of each system, front first. The product's catalog and inventory take part in
 * /api/health (the gateway asks every service) and serve the product-only endpoints.
 */
export const PROCESSES: Record<SystemName, readonly string[]> = {
  product: ['gateway', 'auth', 'catalog', 'inventory', 'bookings'],
  floor: ['floor-server', 'floor-responder'],
};

export interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  target(base: string): Target;
}

/** Sign-in customers; the load takes them in turn, twice as many as connections by default. */
export const SIGN_IN_ACCOUNTS = 100;

/**
 * Customers the sign-in load uses, in turn (about one attempt in flight each): every attempt is charged to its account until
 * the password is checked (auth's login limits), so many connections on one account would get 429s
 * and measure the limit, not the sign-in. Registered by `prepare` (already there after a first run).
 */
export const signInAccount = (n: number) => ({
  email: `bench-signer-${n}@bench.example.com`,
  password: 'Qv7!Tz-Wheel-Rotor-58',
});

export function endpoints(token: string): Endpoint[] {
  return [
    {
      name: 'health',
      method: 'GET',
      path: '/api/health',
      target: (base) => ({ url: `${base}/api/health`, method: 'GET' }),
    },
    {
      name: 'me',
      method: 'GET',
      path: '/api/me',
      target: (base) => ({ url: `${base}/api/me`, method: 'GET', headers: { authorization: `Bearer ${token}` } }),
    },
    {
      name: 'customer-login',
      method: 'POST',
      path: '/api/customer-login',
      target: (base) => ({
        url: `${base}/api/customer-login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
        nth: (n) => JSON.stringify(signInAccount(n % SIGN_IN_ACCOUNTS)),
      }),
    },
  ];
}

/** Shape of a JSON value (keys and types, not values), to compare the floor's answers with the product's. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return value === null ? 'null' : typeof value;
}

/** Runs the measurements against the two running systems. */
export class Bench extends Runner {
  readonly base: Record<SystemName, string>;

  constructor(s: BenchSettings) {
    super(s);
    this.base = { product: `http://127.0.0.1:${s.gatewayPort}`, floor: `http://127.0.0.1:${s.floorPort}` };
  }

  /** Product and floor alternate (P F, then F P, …), so drift over time does not favour either. */
  async endpoint(e: Endpoint): Promise<EndpointReport> {
    const { s } = this;
    const runs: Record<SystemName, Measured[]> = { product: [], floor: [] };
    console.log(`\n${e.method} ${e.path} (${s.connections} connections)`);
    for (let round = 0; round < s.rounds; round++) {
      const order = round % 2 === 0 ? SYSTEMS : [...SYSTEMS].reverse();
      for (const system of order) {
        // Later rounds hit processes that are already warm and drained: no warm-up needed.
        const warmup = runs[system].length === 0 ? s.warmupSeconds : 0;
        const m = await this.measure(e.target(this.base[system]), s.connections, warmup, s.seconds);
        const label = `${system} round ${round + 1}`;
        console.log(runLine(label, m.result, [...PROCESSES[system], LOAD_GENERATOR, INFRASTRUCTURE, OTHER]));
        this.flagDisturbance(label, m.result);
        runs[system].push(m);
      }
    }
    const product = summarizeRuns(runs.product, PROCESSES.product);
    const floor = summarizeRuns(runs.floor, PROCESSES.floor);
    return {
      name: e.name,
      method: e.method,
      path: e.path,
      connections: s.connections,
      product,
      floor,
      reqPerSecRatio: product.reqPerSec / floor.reqPerSec,
      p99Ratio: product.p99 / floor.p99,
    };
  }

  /** /api/me alone, then /api/me while customer logins run flat out on the same system. */
  async stall(system: SystemName, me: Endpoint, login: Endpoint): Promise<StallReport> {
    const { s } = this;
    const meTarget = me.target(this.base[system]);
    const loginTarget = login.target(this.base[system]);
    const c = s.stallConnections;
    // /api/me was warmed up and measured on both systems just before.
    const idle = await this.measure(meTarget, c, 0, s.stallSeconds);
    console.log(runLine(`${system} /api/me alone`, idle.result));
    this.flagDisturbance(`${system} /api/me alone`, idle.result);
    // Logins get a second to fill every queue before /api/me is measured beside them.
    const logins = startLoad(loginTarget, c, s.stallSeconds + 30);
    await sleep(1000);
    let under: Measured;
    try {
      const before = this.cpuSnapshot();
      under = await runLoad(meTarget, c, s.stallSeconds);
      under.result.cpuSeconds = this.cpuUsed(before);
    } finally {
      logins.stop();
    }
    const loginRun = await logins.done;
    this.assertAlive();
    await this.drain(loginTarget);
    console.log(runLine(`${system} /api/me beside logins`, under.result));
    this.flagDisturbance(`${system} /api/me beside logins`, under.result);
    console.log(runLine(`${system} logins beside /api/me`, loginRun.result));
    return {
      connections: { me: c, logins: c },
      idle: idle.result,
      underLogins: under.result,
      logins: loginRun.result,
      p99Ratio: under.result.p99 / idle.result.p99,
    };
  }

  /** A session for /api/me, the sign-in load's customers, and proof that the floor answers what the product answers. */
  async prepare(): Promise<string> {
    const product = this.base.product;
    await registerSignInAccounts(product, SIGN_IN_ACCOUNTS);
    const login = JSON.parse(
      await call({
        url: `${product}/api/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO_ADMIN),
      }),
    ) as { token: string };
    for (const e of endpoints(login.token)) {
      const [p, f] = await Promise.all(SYSTEMS.map((sys) => call(e.target(this.base[sys]))));
      const same = JSON.stringify(shapeOf(JSON.parse(p))) === JSON.stringify(shapeOf(JSON.parse(f)));
      if (e.name === 'me' && p !== f) {
        console.warn(`⚠ /api/me: the floor answers\n  ${f}\nwhere the product answers\n  ${p}`);
      } else if (!same && e.name !== 'health') {
        console.warn(`⚠ ${e.path}: the floor's answer has another shape than the product's`);
      }
    }
    return login.token;
  }
}

/** Seconds of load a bench with these settings generates (start-up and settling come on top). */
export function estimateSeconds(s: BenchSettings): number {
  const perEndpoint = 2 * (s.warmupSeconds + s.seconds) + 2 * (s.rounds - 1) * s.seconds;
  const stall = 2 * (s.stallSeconds + 1 + s.stallSeconds + 1);
  return Math.round(3 * perEndpoint + stall);
}

/** Registers the sign-in load's customers, a few at a time (each costs a password hash); those already there stay. */
export async function registerSignInAccounts(base: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 8) {
    const batch = Array.from({ length: Math.min(8, n - i) }, async (_, k) => {
      const res = await fetch(`${base}/api/customer-register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...signInAccount(i + k), firstName: 'Bench', lastName: `Signer ${i + k}` }),
        signal: AbortSignal.timeout(20_000),
      });
      if (res.status !== 201 && res.status !== 409) {
        throw new Error(
          `registering sign-in customer ${i + k} answered ${res.status}: ${(await res.text()).slice(0, 200)}`,
        );
      }
    });
    await Promise.all(batch);
  }
}
