import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { baseEnvSchema, ConfigError, describeSetting } from '@garage/shared';
import { ROOT } from '../processes.js';

// What the backup, restore and replay commands read of the processes' settings: not SECRET_KEY
// (a backup job should not need the services' secrets, and PRODUCTION's check of it is theirs).
const opsEnvSchema = baseEnvSchema.pick({
  DATABASE_URL: true,
  NATS_URL: true,
  NATS_USER: true,
  NATS_PASSWORD: true,
  NATS_PREFIX: true,
  LOG_LEVEL: true,
});

/**
 * The settings of an operations command, from the environment and, as `npm start` and
 * `npm run migrate` do, a .env file next to package.json; throws ConfigError naming each bad variable.
 */
export function opsConfig<S extends z.ZodRawShape>(shape: S) {
  if (existsSync(resolve(ROOT, '.env'))) process.loadEnvFile(resolve(ROOT, '.env'));
  const schema = opsEnvSchema.extend(shape);
  const input = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, process.env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${String(i.path[0])}=${describeSetting(String(i.path[0]), input[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  return parsed.data;
}
