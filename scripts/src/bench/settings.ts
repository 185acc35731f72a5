/** What one `npm run bench` measures and where the system under test lives; every value can be set by env. */
export interface BenchSettings {
  /** Measured seconds of each run. */
  seconds: number;
  /** Warm-up seconds before the first run of each endpoint on each system (later rounds are already warm). */
  warmupSeconds: number;
  /** Product/floor alternations per endpoint (ABBA order from round 2 on, so neither always goes first). */
  rounds: number;
  connections: number;
  /** Connections of each of the two loads in the "login must not stall other traffic" test. */
  stallConnections: number;
  /** Measured seconds of each half (alone, beside logins) of that test. */
  stallSeconds: number;
  databaseUrl: string;
  redisUrl: string;
  natsUrl: string;
  natsPrefix: string;
  gatewayPort: number;
  authHealthPort: number;
  gatewayHealthPort: number;
  catalogHealthPort: number;
  inventoryHealthPort: number;
  bookingsHealthPort: number;
  floorPort: number;
  /** Sizes the bookings table is seeded to in turn, availability and creation measured at each; [] = skipped. */
  bookingsRows: number[];
}

/** A numeric BENCH_* setting: its fallback when unset, refused below `min`. */
export function num(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name}=${raw}: expected a number ≥ ${min}`);
  return value;
}

/** BENCH_BOOKINGS_ROWS: table sizes separated by commas (default 10000,1000000); 0 or none skips the bookings bench. */
function bookingsRows(): number[] {
  const raw = (process.env.BENCH_BOOKINGS_ROWS || '10000,1000000').trim();
  if (raw === '0' || raw === 'none') return [];
  const sizes = raw.split(',').map((v) => Number(v.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) {
    throw new Error(`BENCH_BOOKINGS_ROWS=${raw}: expected table sizes ≥ 1000 separated by commas, or 0`);
  }
  return sizes;
}

/** Reads BENCH_* variables (a separate database and Redis index by default, never the development ones). */
export function benchSettings(): BenchSettings {
  const seconds = num('BENCH_SECONDS', 10, 1);
  return {
    seconds,
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 3, 0),
    rounds: Math.floor(num('BENCH_ROUNDS', 2, 1)),
    connections: Math.floor(num('BENCH_CONNECTIONS', 50, 1)),
    stallConnections: Math.floor(num('BENCH_STALL_CONNECTIONS', 20, 1)),
    stallSeconds: num('BENCH_STALL_SECONDS', Math.min(seconds, 5), 1),
    databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/garage_bench',
    redisUrl: process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/14',
    natsUrl: process.env.NATS_URL || 'nats://127.0.0.1:4222',
    natsPrefix: 'bench',
    gatewayPort: Math.floor(num('BENCH_PORT', 5099, 1)),
    authHealthPort: Math.floor(num('BENCH_AUTH_HEALTH_PORT', 3091, 1)),
    gatewayHealthPort: Math.floor(num('BENCH_GATEWAY_HEALTH_PORT', 3090, 1)),
    catalogHealthPort: Math.floor(num('BENCH_CATALOG_HEALTH_PORT', 3092, 1)),
    inventoryHealthPort: Math.floor(num('BENCH_INVENTORY_HEALTH_PORT', 3094, 1)),
    bookingsHealthPort: Math.floor(num('BENCH_BOOKINGS_HEALTH_PORT', 3093, 1)),
    floorPort: Math.floor(num('BENCH_FLOOR_PORT', 5098, 1)),
    bookingsRows: bookingsRows(),
  };
}

/** Environment shared by every process under test: the product's services and the floor's two processes. */
export function systemEnv(s: BenchSettings): Record<string, string> {
  return {
    DATABASE_URL: s.databaseUrl,
    REDIS_URL: s.redisUrl,
    NATS_URL: s.natsUrl,
    NATS_PREFIX: s.natsPrefix,
    LOG_LEVEL: 'warn',
  };
}

/** Subjects of the floor's hand-written responder. */
export const floorSubjects = (prefix: string) => ({
  health: `${prefix}.floor.health`,
  me: `${prefix}.floor.me`,
  customerLogin: `${prefix}.floor.customer-login`,
});

/** Header a floor reply carries when it is an error (its body is `{status, message}`). */
export const FLOOR_ERROR_HEADER = 'x-floor-error';
