import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnChild } from '../../test/support/processes.js';

const SCRIPT = resolve(__dirname, '../scripts/bundle-size.mjs');

async function measure(args: string[]) {
  const run = spawnChild(process.execPath, [SCRIPT, ...args], { env: process.env });
  return { code: await run.exited, output: run.output() };
}

// Measured on the production build that `npm test` makes first (web/dist).
describe('the size of the web app', () => {
  it('keeps the customer entry and booking page within 150 KB of gzipped JavaScript, with no staff code', async () => {
    const { code, output } = await measure(['--check', '--json']);
    const report = JSON.parse(output.split('\n')[0]);
    expect(report.staffInCustomerEntry).toEqual([]);
    expect(report.customer.gz).toBeGreaterThan(20 * 1024); // React is in it: the measurement is real
    expect(report.customer.gz).toBeLessThanOrEqual(150 * 1024);
    expect(report.staff.files).toBeGreaterThan(0); // the console is split into chunks of its own
    expect(code).toBe(0);
  });

  it('fails the check when the entry is over the budget', async () => {
    const { code, output } = await measure(['--check', '--budget-kb', '10']);
    expect(code).toBe(1);
    expect(output).toMatch(/over the 10 KB budget/);
  });
});

// V8 honours the compile hint only as the file's very first line (web/vite.config.ts adds it
// after Vite's own preamble); anywhere else it is a plain comment and start-up is slow again.
describe('the compile hint', () => {
  const dist = resolve(__dirname, '../dist');
  const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean }
  >;
  const firstLine = (file: string) => readFileSync(resolve(dist, file), 'utf8').split('\n', 1)[0];

  it('opens the entry chunk', () => {
    expect(manifest['index.html']?.isEntry).toBe(true);
    expect(firstLine(manifest['index.html']!.file)).toBe('//# allFunctionsCalledOnLoad');
  });

  it('is not on the lazy chunks, most of whose functions do not run at start', () => {
    const lazy = Object.values(manifest).filter((c) => !c.isEntry && c.file.endsWith('.js'));
    expect(lazy.length).toBeGreaterThan(10);
    for (const chunk of lazy) expect(firstLine(chunk.file)).not.toContain('allFunctionsCalledOnLoad');
  });
});
