import { ensureDatabase, maskSecrets } from '@garage/shared';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './processes.js';
import { SERVICES } from './services.js';

/**
 * Runs every service's own migrate entry point (`services/<name>/dist/migrate.js`, the same one a
 * deployment's migration Job runs) in start order.
 */
async function main(): Promise<void> {
  // Same settings as `npm start`: a .env file next to package.json, if there is one.
  if (existsSync(resolve(ROOT, '.env'))) process.loadEnvFile(resolve(ROOT, '.env'));
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/garage';
  await ensureDatabase(url);
  for (const { name } of SERVICES) {
    const run = spawnSync(process.execPath, [resolve(ROOT, 'services', name, 'dist', 'migrate.js')], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'inherit',
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

main().catch((err) => {
  console.error(`migrate failed: ${maskSecrets((err as Error).message)}`);
  process.exit(1);
});
