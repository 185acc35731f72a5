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
