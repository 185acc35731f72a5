import type { z } from 'zod';
import { serviceEnvSchema, type ServiceConfig } from '@garage/shared';

export const inventoryEnvSchema = serviceEnvSchema(3004);

export type InventoryConfig = z.infer<typeof inventoryEnvSchema> & ServiceConfig;
