import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { ensureDatabase, revertNewestLocked, runMigrationsLocked } from '@garage/shared';
import { SERVICES } from '../../scripts/dist/services.js';
import { dropDatabase } from '../support/databases.js';

// A rollback (docs/operations.md, "Upgrades"): every migration's down() undoes exactly its up(), so
// `node services/<name>/dist/migrate.js --revert` is safe to run after a release is rolled back.
// Each service's schema is named after it.
const url = (() => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `${u.pathname}_revert`;
  return u.toString();
})();

/** Tables, columns, indexes, constraints and triggers of a schema, as text to compare. */
async function shapeOf(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
              coalesce(column_default, '') AS line
         FROM information_schema.columns WHERE table_schema = $1
       UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = $1
       UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(c.oid)
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1
       UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || pg_get_triggerdef(t.oid)
         FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = $1 AND NOT t.tgisinternal
       ORDER BY 1`,
      [schema],
    );
    return rows.map((r) => r.line);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
});
afterAll(() => dropDatabase(url));

it.each(SERVICES.map((s) => [s.name, s] as const))(
  '%s: reverts every migration, newest first, down to nothing, and applies them again to the same shape',
  async (name, service) => {
    const db = service.dataSource(url);
    await db.initialize();
    try {
      const applied = await runMigrationsLocked(db);
      expect(applied.length).toBeGreaterThan(0);
      const full = await shapeOf(name);
      // Down, newest first, each migration by name, until nothing of the schema is left.
      for (const migration of [...applied].reverse()) expect(await revertNewestLocked(db)).toEqual([migration]);
      expect(await revertNewestLocked(db)).toEqual([]);
      expect(await shapeOf(name)).toEqual([]);
      // Up again: the same shape as the first time.
      expect(await runMigrationsLocked(db)).toEqual(applied);
      expect(await shapeOf(name)).toEqual(full);
    } finally {
      await db.destroy();
    }
  },
);

it('reverts the newest migration from the command line, and says so', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [resolve(__dirname, '../../services/catalog/dist/migrate.js'), ...args], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
  const up = run();
  expect(up.status).toBe(0);
  const reverted = run('--revert');
  expect(reverted.status).toBe(0);
  expect(reverted.stdout).toMatch(/^catalog: reverted \w+\n$/);
  const again = run();
  expect(again.stdout).toBe(`catalog: applied ${reverted.stdout.replace('catalog: reverted ', '').trim()}\n`);
});
