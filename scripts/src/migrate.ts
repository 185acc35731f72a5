import { ensureDatabase, runMigrationsLocked } from '@garage/shared';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './processes.js';
import { SERVICES } from './services.js';

/** Runs every service's pending migrations (what production runs before rolling out). */
async function main(): Promise<void> {
  // Same settings as `npm start`: a .env file next to package.json, if there is one.
  if (existsSync(resolve(ROOT, '.env'))) process.loadEnvFile(resolve(ROOT, '.env'));
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/garage';
  await ensureDatabase(url);
  for (const { name, dataSource } of SERVICES) {
    const db = dataSource(url);
    await db.initialize();
    try {
      const ran = await runMigrationsLocked(db);
      console.log(`${name}: ${ran.length ? `applied ${ran.join(', ')}` : 'up to date'}`);
    } finally {
      await db.destroy();
    }
  }
}

main().catch((err) => {
  console.error(`migrate failed: ${(err as Error).message}`);
  process.exit(1);
});
