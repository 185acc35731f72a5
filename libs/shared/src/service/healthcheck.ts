import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';

/**
 * The container HEALTHCHECK: `node libs/shared/dist/service/healthcheck.js` in an image whose
 * GARAGE_SERVICE names the service. Asks its /health/live on HEALTH_PORT (or the port the service's
 * config schema defaults to) and exits 0 when it answers 200 within two seconds.
 */
async function healthPort(service: string): Promise<number> {
  const file = join(__dirname, '..', '..', '..', '..', 'services', service, 'dist', 'config.js');
  const config = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const schema = Object.entries(config).find(([name]) => name.endsWith('EnvSchema'))?.[1] as
    z.ZodObject<{ HEALTH_PORT: z.ZodType<number> }> | undefined;
  if (!schema) throw new Error(`no *EnvSchema in services/${service}/dist/config.js`);
  return schema.shape.HEALTH_PORT.parse(process.env.HEALTH_PORT || undefined);
}

async function main(): Promise<void> {
  const service = process.env.GARAGE_SERVICE;
  if (!service || !/^[a-z]+$/.test(service)) throw new Error('GARAGE_SERVICE is not set');
  const res = await fetch(`http://127.0.0.1:${await healthPort(service)}/health/live`, {
    signal: AbortSignal.timeout(2000),
  });
  if (res.status !== 200) throw new Error(`/health/live answered ${res.status}`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`unhealthy: ${err.message}\n`);
    process.exit(1);
  },
);
