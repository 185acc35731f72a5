import type { z } from 'zod';
import { serviceEnvSchema, type ServiceConfig } from '@garage/shared';

export const bookingsEnvSchema = serviceEnvSchema(3003);

export type BookingsConfig = z.infer<typeof bookingsEnvSchema> & ServiceConfig;
