import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  ConfigError,
  HOW_TO_MAKE_A_SECRET,
  baseEnvSchema,
  boolEnv,
  csv,
  loadConfig,
  portEnv,
  secretKeyWeakness,
  signingKeys,
} from './config.js';

const DEV_SECRET = 'dev-only-secret-not-for-production-0123456789abcdef';
const empty = z.object({});

/** Runs `fn`, expecting a ConfigError, and returns it. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}

describe('loadConfig', () => {
  it('applies every default for an empty environment', () => {
    expect(loadConfig(empty, {})).toEqual({
      PRODUCTION: false,
      SECRET_KEY: DEV_SECRET,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/garage',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_PREFIX: 'garage',
      RPC_TIMEOUT_MS: 5000,
      SHUTDOWN_GRACE_MS: 20_000,
      LOG_LEVEL: 'info',
      CURRENCY: 'USD',
      EVENT_STREAM_REPLICAS: 1,
    });
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig(empty, { RPC_TIMEOUT_MS: '', NATS_PREFIX: '', PRODUCTION: '' });
    expect(config.RPC_TIMEOUT_MS).toBe(5000);
    expect(config.NATS_PREFIX).toBe('garage');
    expect(config.PRODUCTION).toBe(false);
  });

  it('reads and coerces given values', () => {
    const config = loadConfig(empty, {
      DATABASE_URL: 'postgresql://app:pw@db:5432/garage',
      REDIS_URL: 'rediss://cache:6380/2',
      NATS_PREFIX: 'garage_test-1',
      RPC_TIMEOUT_MS: '2500',
      LOG_LEVEL: 'debug',
      CURRENCY: 'EUR',
    });
    expect(config.DATABASE_URL).toBe('postgresql://app:pw@db:5432/garage');
    expect(config.REDIS_URL).toBe('rediss://cache:6380/2');
    expect(config.NATS_PREFIX).toBe('garage_test-1');
    expect(config.RPC_TIMEOUT_MS).toBe(2500);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.CURRENCY).toBe('EUR');
  });

  it('ignores variables that are not in the schema', () => {
    const config = loadConfig(empty, { UNRELATED: 'x', PATH: '/usr/bin' }) as Record<string, unknown>;
    expect(config).not.toHaveProperty('UNRELATED');
    expect(config).not.toHaveProperty('PATH');
  });

  it('merges a service schema with the base one, with its own defaults', () => {
    const schema = z.object({
      PORT: portEnv.default(3000),
      FEATURE: boolEnv.default(false),
      ORIGINS: csv.default([]),
    });
    expect(loadConfig(schema, {})).toMatchObject({ PORT: 3000, FEATURE: false, ORIGINS: [], NATS_PREFIX: 'garage' });
    expect(
      loadConfig(schema, { PORT: '0', FEATURE: 'yes', ORIGINS: ' https://a.example , ,https://b.example' }),
    ).toMatchObject({
      PORT: 0,
      FEATURE: true,
      ORIGINS: ['https://a.example', 'https://b.example'],
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads the boolean %j as %s', (value, expected) => {
    expect(loadConfig(empty, { PRODUCTION: value, SECRET_KEY: randomBytes(32).toString('hex') }).PRODUCTION).toBe(
      expected,
    );
  });

  it.each([
    ['RPC_TIMEOUT_MS', 'abc'],
    ['RPC_TIMEOUT_MS', '50'],
    ['RPC_TIMEOUT_MS', '60001'],
    ['RPC_TIMEOUT_MS', '1.5'],
    ['NATS_PREFIX', 'a.b'],
    ['NATS_PREFIX', 'x'.repeat(33)],
    ['NATS_PREFIX', 'a b'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://cache:6379'],
    ['LOG_LEVEL', 'verbose'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'otel-collector:4318'],
    ['OTEL_SERVICE_NAME', 'my service'],
    ['CURRENCY', 'usd'],
    ['PRODUCTION', 'maybe'],
  ])('refuses %s=%j with a ConfigError naming the variable and value', (name, value) => {
    const err = configError(() => loadConfig(empty, { [name]: value }));
    expect(err.name).toBe('ConfigError');
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0].startsWith(`${name}=${JSON.stringify(value)}: `)).toBe(true);
    expect(err.message).toContain('Invalid configuration');
    expect(err.message).toContain(name);
  });

  it('explains what a URL variable needs', () => {
    const err = configError(() => loadConfig(empty, { DATABASE_URL: 'mysql://x' }));
    expect(err.message).toContain('postgres://');
    expect(err.message).toContain('postgresql://');
  });

  it('names every bad variable at once', () => {
    const err = configError(() =>
      loadConfig(z.object({ PORT: portEnv }), { RPC_TIMEOUT_MS: 'abc', NATS_PREFIX: 'a.b', PORT: '70000' }),
    );
    expect(err.problems).toHaveLength(3);
    expect(err.message).toMatch(/RPC_TIMEOUT_MS="abc"/);
    expect(err.message).toMatch(/NATS_PREFIX="a\.b"/);
    expect(err.message).toMatch(/PORT="70000"/);
  });

  it('reports a missing required service variable', () => {
    const err = configError(() => loadConfig(z.object({ API_TOKEN: z.string().min(1) }), {}));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/^API_TOKEN="": /);
  });

  it('refuses a SECRET_KEY_PREVIOUS equal to SECRET_KEY (the rotation was not made)', () => {
    expect(configError(() => loadConfig(empty, { SECRET_KEY: 'abc', SECRET_KEY_PREVIOUS: 'abc' })).message).toContain(
      'SECRET_KEY_PREVIOUS is the same as SECRET_KEY',
    );
  });

  describe('PRODUCTION=true', () => {
    it.each([
      ['missing (the development default)', undefined],
      ['empty', ''],
      ['short', 'abc123'],
      ['31 characters', 'abcdefghijklmnopqrstuvwxyz01234'],
      ['a placeholder', 'your-secret-key-here'],
      ['the development default', DEV_SECRET],
      ['repetitive', 'ab'.repeat(32)],
    ])('refuses a SECRET_KEY that is %s and says how to generate one', (_label, secret) => {
      const env: NodeJS.ProcessEnv = { PRODUCTION: 'true' };
      if (secret !== undefined) env.SECRET_KEY = secret;
      const err = configError(() => loadConfig(empty, env));
      expect(err.message).toContain('SECRET_KEY');
      expect(err.message).toContain('PRODUCTION=true');
      expect(err.message).toContain(HOW_TO_MAKE_A_SECRET);
      expect(err.message).toMatch(/randomBytes\(32\)|openssl rand -hex 32/);
      if (secret) expect(err.message).not.toContain(secret);
    });

    it('accepts a strong random 64-hex-character key', () => {
      const secret = randomBytes(32).toString('hex');
      const config = loadConfig(empty, { PRODUCTION: 'true', SECRET_KEY: secret });
      expect(config.PRODUCTION).toBe(true);
      expect(config.SECRET_KEY).toBe(secret);
    });

    it('refuses a weak SECRET_KEY_PREVIOUS (a rotation from a weak key), without printing it', () => {
      const err = configError(() =>
        loadConfig(empty, {
          PRODUCTION: 'true',
          SECRET_KEY: randomBytes(32).toString('hex'),
          SECRET_KEY_PREVIOUS: 'changeme',
        }),
      );
      expect(err.message).toContain('SECRET_KEY_PREVIOUS');
      expect(err.message).not.toContain('changeme');
    });

    it('accepts a strong previous key during a rotation', () => {
      const [current, previous] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
      const config = loadConfig(empty, { PRODUCTION: 'true', SECRET_KEY: current, SECRET_KEY_PREVIOUS: previous });
      expect(signingKeys(config)).toEqual({ current, previous });
    });

    it('does not check the key outside production', () => {
      expect(loadConfig(empty, { PRODUCTION: 'false', SECRET_KEY: 'changeme' }).SECRET_KEY).toBe('changeme');
    });
  });
});

describe('secretKeyWeakness', () => {
  it.each([DEV_SECRET, 'your-secret-key-here', 'change-me', 'changeme', 'secret', '<generate-secure-random-key>'])(
    'calls %j a placeholder',
    (secret) => {
      expect(secretKeyWeakness(secret)).toBe('is a placeholder or the development default');
    },
  );

  it('refuses keys shorter than 32 characters', () => {
    expect(secretKeyWeakness('')).toBe('is shorter than 32 characters');
    expect(secretKeyWeakness(randomBytes(32).toString('hex').slice(0, 31))).toBe('is shorter than 32 characters');
  });

  it('refuses long keys with too few distinct characters', () => {
    expect(secretKeyWeakness('a'.repeat(64))).toBe('has too few distinct characters');
    expect(secretKeyWeakness('abcdefghijk'.repeat(4))).toBe('has too few distinct characters'); // 11 distinct
    expect(secretKeyWeakness('abcdefghijkl'.repeat(3))).toBeNull(); // 12 distinct, 36 long
  });

  it('accepts random keys', () => {
    expect(secretKeyWeakness(randomBytes(32).toString('hex'))).toBeNull();
    expect(secretKeyWeakness(randomBytes(32).toString('base64'))).toBeNull();
    expect(secretKeyWeakness('abcdefghijklmnopqrstuvwxyz012345')).toBeNull(); // exactly 32
  });
});

describe('baseEnvSchema', () => {
  it('lists the shared variables', () => {
    expect(Object.keys(baseEnvSchema.shape).sort()).toEqual(
      [
        'CURRENCY',
        'DATABASE_URL',
        'EVENT_STREAM_REPLICAS',
        'LOG_LEVEL',
        'NATS_PASSWORD',
        'NATS_PREFIX',
        'NATS_URL',
        'NATS_USER',
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'OTEL_SERVICE_NAME',
        'PRODUCTION',
        'REDIS_URL',
        'RPC_TIMEOUT_MS',
        'SECRET_KEY',
        'SECRET_KEY_PREVIOUS',
        'SHUTDOWN_GRACE_MS',
      ].sort(),
    );
  });
});
