import { z } from 'zod';
import { describeSetting } from '../secrets.js';

/** A configuration problem found at boot; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_SECRET = 'dev-only-secret-not-for-production-0123456789abcdef';
const PLACEHOLDER_SECRETS = [
  DEV_SECRET,
  'your-secret-key-here',
  'change-me',
  'changeme',
  'secret',
  '<generate-secure-random-key>',
];

export const HOW_TO_MAKE_A_SECRET =
  "generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"  (or: openssl rand -hex 32)";

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
// 0 asks the OS for a free port (tests run side by side).
const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

/** Variables every process shares (database, Redis, NATS, logging, RPC timeout). */
export const baseEnvSchema = z.object({
  PRODUCTION: bool.default(false),
  SECRET_KEY: z.string().default(DEV_SECRET),
  /**
   * The key being retired while SECRET_KEY is rotated: session tokens and device cookies made under it
   * are still accepted (nothing new is signed with it). Remove it once SESSION_TTL_SECONDS has passed.
   */
  SECRET_KEY_PREVIOUS: z.string().optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/garage'),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379/0'),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** The process's own NATS user (a deployment gives each service one, with subject permissions). */
  NATS_USER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -')
    .optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
  /** Copies of the event stream JetStream keeps (3 on a 3-node NATS cluster); set when the stream is created. */
  EVENT_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  NATS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ or -, at most 32')
    .default('garage'),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** After SIGTERM: how long the process may take to drain and close before it gives up and exits 1. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** An OTLP/HTTP collector (http://otel-collector:4318): spans go there. Unset, tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:']).optional(),
  /** The service's name in traces; default: the service's own name (gateway, auth, …). */
  OTEL_SERVICE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ., _ or -, at most 64')
    .optional(),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
    .default('USD'),
});

export type BaseConfig = z.infer<typeof baseEnvSchema>;

/** The keys that sign session ids and device cookies: the current one, and the one being retired. */
export interface SigningKeys {
  current: string;
  previous?: string;
}

export function signingKeys(config: Pick<BaseConfig, 'SECRET_KEY' | 'SECRET_KEY_PREVIOUS'>): SigningKeys {
  return { current: config.SECRET_KEY, previous: config.SECRET_KEY_PREVIOUS };
}

/** Why a SECRET_KEY is not strong enough for production, or null if it is. */
export function secretKeyWeakness(secret: string): string | null {
  if (PLACEHOLDER_SECRETS.includes(secret)) return 'is a placeholder or the development default';
  if (secret.length < 32) return 'is shorter than 32 characters';
  if (new Set(secret).size < 12) return 'has too few distinct characters';
  return null;
}

/** Validates the environment against a schema once at boot; throws ConfigError naming each bad variable. */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> & BaseConfig {
  const full = baseEnvSchema.extend(schema.shape);
  const input: Record<string, string> = {};
  for (const key of Object.keys(full.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = full.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (i) =>
          `${i.path.join('.') || '(env)'}=${describeSetting(String(i.path[0]), input[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const config = result.data as z.infer<S> & BaseConfig;
  if (config.PRODUCTION) {
    const weakness = secretKeyWeakness(config.SECRET_KEY);
    if (weakness)
      throw new ConfigError([`SECRET_KEY ${weakness}; PRODUCTION=true needs a strong one. ${HOW_TO_MAKE_A_SECRET}`]);
    const previous = config.SECRET_KEY_PREVIOUS;
    const previousWeakness = previous === undefined ? null : secretKeyWeakness(previous);
    if (previousWeakness)
      throw new ConfigError([`SECRET_KEY_PREVIOUS ${previousWeakness}; a production key is never rotated from one`]);
  }
  if (config.SECRET_KEY_PREVIOUS === config.SECRET_KEY)
    throw new ConfigError(['SECRET_KEY_PREVIOUS is the same as SECRET_KEY: set it to the key being retired']);
  return config;
}

/** Comma-separated list variable. */
export const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

export { bool as boolEnv, port as portEnv };

/** Loads config or prints the problem and exits: what a process's main() calls. */
export function loadConfigOrExit<S extends z.ZodObject>(schema: S): z.infer<S> & BaseConfig {
  try {
    return loadConfig(schema);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
