import { z } from 'zod';
import { boolEnv, serviceEnvSchema, type ServiceConfig } from '@garage/shared';

export const authEnvSchema = serviceEnvSchema(3001).extend({
  PASSWORD_HASH: z
    .enum(['argon2id', 'argon2', 'pbkdf2'])
    .default('argon2id')
    .transform((v) => (v === 'pbkdf2' ? 'pbkdf2' : 'argon2id')),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  PASSWORD_REQUIRE_COMPOSITION: boolEnv.default(true),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(24 * 3600),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_IP_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(300),
  LOGIN_MAX_CONCURRENT_PER_IP: z.coerce.number().int().min(1).max(10000).default(50),
  LOGIN_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  LOGIN_DEVICE_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  REGISTER_MAX_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(10),
  REGISTER_IP_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(3600),
  PASSWORD_CHANGE_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Audit entries older than this are deleted by the hourly retention job. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(365),
  PASSWORD_CHANGE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
});

export type AuthConfig = z.infer<typeof authEnvSchema> & ServiceConfig;
