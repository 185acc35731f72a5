import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runToEnd, spawnChild } from '../../test/support/processes.js';

const GENERATOR = resolve(__dirname, '../scripts/generate-api.mjs');

describe("the web app's API types (web/src/api/schema.d.ts)", () => {
  it('match what the contracts generate now (npm run generate:api)', async () => {
    expect(await runToEnd(process.execPath, [GENERATOR, '--check'])).toContain('is up to date');
  });

  it('are reported stale when they differ', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'garage-api-types-'));
    try {
      const stale = join(dir, 'schema.d.ts');
      await writeFile(stale, 'export interface paths {}\n');
      const run = spawnChild(process.execPath, [GENERATOR, '--check', '--out', stale], { env: process.env });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('is stale');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
