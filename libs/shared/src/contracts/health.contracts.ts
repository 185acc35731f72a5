import { z } from 'zod';
import { defineMessage } from './contract.js';
import { Empty } from './common.js';

export const DependencyState = z.enum(['up', 'down']);

export const ServiceHealthSchema = z.object({
  service: z.string(),
  status: z.enum(['up', 'down']),
  checks: z.record(z.string(), DependencyState),
});
export type ServiceHealth = z.infer<typeof ServiceHealthSchema>;

/** The `<service>.health` message every service answers, so the gateway can aggregate. */
export function healthContract(service: string) {
  return defineMessage({
    pattern: `${service}.health`,
    access: 'services',
    request: Empty,
    response: ServiceHealthSchema,
  });
}

/** The services the gateway aggregates into /health. */
export const SERVICES = ['auth', 'catalog', 'bookings', 'inventory'] as const;
export type ServiceName = (typeof SERVICES)[number];

const Connection = z.enum(['connected', 'disconnected']);

/** `GET /health` and `/api/health`: the whole chain in the original's format (503 when degraded). */
export const ChainHealthSchema = z.object({
  status: z.enum(['healthy', 'degraded']),
  timestamp: z.string(),
  database: Connection,
  sessions_cleaned: z.number().int(),
  version: z.string(),
  environment: z.enum(['production', 'development']),
  services: z.record(z.string(), DependencyState),
  redis: Connection,
  nats: Connection,
});
export type ChainHealth = z.infer<typeof ChainHealthSchema>;
