import { z } from 'zod';
import { serviceEnvSchema, type ServiceConfig } from '@garage/shared';

export const catalogEnvSchema = serviceEnvSchema(3002).extend({
  /** The chain's labour rate per hour (cents) for catalog prices asked without a branch. */
  DEFAULT_LABOR_RATE_CENTS: z.coerce.number().int().min(0).max(100_000_000).default(12_000),
});

export type CatalogConfig = z.infer<typeof catalogEnvSchema> & ServiceConfig;
