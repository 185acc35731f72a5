import { z } from 'zod';
import { boolEnv, portEnv, type BaseConfig } from '../config/config.js';

/** Variables every NATS service has on top of the base ones: its health port, pool size, start-up chores, event retries. */
export function serviceEnvSchema(defaultHealthPort: number) {
  return z.object({
    HEALTH_PORT: portEnv.default(defaultHealthPort),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Default: on outside production. Refused with PRODUCTION=true. */
    DEMO_DATA: boolEnv.optional(),
    /** Default: on outside production (production runs `npm run migrate` before rolling out). */
    MIGRATE_ON_START: boolEnv.optional(),
    /** Deliveries of an event to a durable consumer before one that still fails becomes a dead letter. */
    EVENT_MAX_DELIVERIES: z.coerce.number().int().min(1).max(100).default(5),
  });
}

export type ServiceConfig = z.infer<ReturnType<typeof serviceEnvSchema>> & BaseConfig;
