import type { z } from 'zod';
import { baseEnvSchema } from '@garage/shared';
import { gatewayEnvSchema } from '../../../services/gateway/src/config.js';
import { authEnvSchema } from '../../../services/auth/src/config.js';
import { catalogEnvSchema } from '../../../services/catalog/src/config.js';
import { bookingsEnvSchema } from '../../../services/bookings/src/config.js';
import { inventoryEnvSchema } from '../../../services/inventory/src/config.js';

/** Each process's own settings (its config schema), for the deployment files' drift checks. */
export const ENV_SCHEMAS = {
  gateway: gatewayEnvSchema,
  auth: authEnvSchema,
  catalog: catalogEnvSchema,
  bookings: bookingsEnvSchema,
  inventory: inventoryEnvSchema,
};
export type ProcessName = keyof typeof ENV_SCHEMAS;
/** The gateway and the services, each a deployable. */
export const PROCESS_NAMES = Object.keys(ENV_SCHEMAS) as ProcessName[];

/** Every setting a process reads: the shared ones and its own, by name and schema. */
export function settingsOf(name: ProcessName): Record<string, z.ZodType> {
  return baseEnvSchema.extend(ENV_SCHEMAS[name].shape).shape as unknown as Record<string, z.ZodType>;
}

/** The HEALTH_PORT a process listens on when none is set (README's table). */
export function defaultHealthPort(name: ProcessName): number {
  return (ENV_SCHEMAS[name].shape.HEALTH_PORT as z.ZodType<number>).parse(undefined);
}

/** The drain a process gets after SIGTERM (SHUTDOWN_GRACE_MS as set, or its default), in seconds. */
export function shutdownGraceSeconds(setting: string | undefined): number {
  return baseEnvSchema.shape.SHUTDOWN_GRACE_MS.parse(setting) / 1000;
}
