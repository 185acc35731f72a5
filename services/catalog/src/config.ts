import type { z } from 'zod';
import { serviceEnvSchema, type ServiceConfig } from '@garage/shared';

export const catalogEnvSchema = serviceEnvSchema(3002);

export type CatalogConfig = z.infer<typeof catalogEnvSchema> & ServiceConfig;
