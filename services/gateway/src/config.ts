import { isIP } from 'node:net';
import { z } from 'zod';
import { boolEnv, csv, portEnv, type BaseConfig } from '@garage/shared';

/** An IP address, or a CIDR block with a prefix length that fits the address family. */
function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export const gatewayEnvSchema = z.object({
  PORT: portEnv.default(5000),
  /** Port of the gateway's own /health/live, /health/ready and /metrics (for probes and Prometheus). */
  HEALTH_PORT: portEnv.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Origins allowed by CORS and for cookie-authenticated writes; defaults to this gateway's own localhost origins. */
  ALLOWED_ORIGINS: csv.pipe(z.array(z.url({ protocol: /^https?$/ }))).optional(),
  /** Proxies (IP or CIDR) whose X-Forwarded-For is believed; empty = trust nobody. */
  TRUSTED_PROXIES: csv
    .pipe(z.array(z.string().refine(isIpOrCidr, 'an IP address or CIDR block, e.g. 10.0.0.0/8')))
    .default([]),
  /** Requests per minute per anonymous client IP, across every route and replica. */
  THROTTLE_ANON_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Requests per minute per signed-in account (staff behind one office IP each have their own). */
  THROTTLE_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Serve the built web app at `/` (false behind nginx, which serves the same files). */
  WEB_APP: boolEnv.default(true),
  /** Folder of the built web app (default: web/dist of this checkout). */
  WEB_ROOT: z.string().min(1).optional(),
  /**
   * How long a gateway serves an anonymous catalog or branch list from memory: catalog events empty the
   * cache at once, this bounds how stale a list can be when one is missed (0 = no cache).
   */
  CATALOG_CACHE_MS: z.coerce.number().int().min(0).max(10000).default(3000),
  HEALTH_CACHE_MS: z.coerce.number().int().min(0).max(60000).default(1000),
  /**
   * After SIGTERM, how long the gateway goes on serving while /health/ready already says 503, so a
   * balancer that follows readiness stops sending before the listener closes (npm start's balancer:
   * 1000; Kubernetes has the preStop pause instead, so 0 by default).
   */
  SHUTDOWN_LAMEDUCK_MS: z.coerce.number().int().min(0).max(30000).default(0),
});

export type GatewayConfig = z.infer<typeof gatewayEnvSchema> & BaseConfig;

/** The origins the gateway accepts, defaulting to its own localhost addresses. */
export function allowedOrigins(config: GatewayConfig): string[] {
  return (
    config.ALLOWED_ORIGINS?.map((o) => new URL(o).origin) ?? [
      `http://localhost:${config.PORT}`,
      `http://127.0.0.1:${config.PORT}`,
    ]
  );
}
