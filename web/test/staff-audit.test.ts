import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { Branch } from '@garage/shared';
import { freshIp, http, loginStaff } from '../../test/support/http.js';
import { openBranchAndCustomer } from '../../test/support/journey.js';
import { untilValue } from '../../test/support/waits.js';
import {
  accessibilityProblems,
  launchBrowser,
  openTab,
  screenshot,
  startWebSystem,
  type WebSystem,
} from './support/browser.js';
import { signInStaff } from './support/staff.js';

/**
 * The audit log page (/staff/audit): an admin sees a change arrive (other services' entries travel
 * as events), filters it by kind and branch in the URL, and downloads the same selection as CSV.
 */
jest.setTimeout(180_000);

let sys: WebSystem;
let browser: Browser;
let admin: string;

const tag = () => randomBytes(3).toString('hex');

beforeAll(async () => {
  [sys, browser] = await Promise.all([startWebSystem(), launchBrowser()]);
  admin = await loginStaff(sys.origin, 'admin', 'admin123');
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

/** A branch of its own (two bays, open all week), made by the admin over the API. */
async function openBranch(): Promise<Branch> {
  return (await openBranchAndCustomer(sys.origin, admin)).branch;
}

/** The log's table once it has loaded (or its empty state): what the page shows now. */
async function loaded(page: Page): Promise<void> {
  await page.locator('table, .empty, .error-panel').first().waitFor();
}

/** The CSV link's filters. */
async function csvFilters(page: Page): Promise<Record<string, string>> {
  const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const url = new URL(href ?? '', sys.origin);
  expect(url.pathname).toBe('/api/audit/export');
  return Object.fromEntries(url.searchParams);
}

describe('the audit log', () => {
  it('shows an admin a branch change once it arrives, filters it by kind, and downloads the same selection', async () => {
    const branch = await openBranch();
    const ip = freshIp();
    const changed = await http(sys.origin, 'PATCH', `/api/branches/${branch.id}`, {
      token: admin,
      ip,
      body: { bays: 3 },
    });
    expect(changed.status).toBe(200);

    const { page, context, problems } = await openTab(browser, sys.origin, 1440);
    await signInStaff(page, 'admin', 'admin123');
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByLabel('Branch').selectOption({ label: branch.name });
    await page.waitForURL((url) => url.searchParams.get('branch') === branch.id);

    // The catalog's entry travels through its outbox and the event stream: look again until it is there.
    const row = page.getByRole('row').filter({ hasText: 'bays 2 → 3' });
    await untilValue(
      'the branch change in the audit log',
      async () => {
        await page.reload();
        await loaded(page);
        return row.count();
      },
      (n) => n === 1,
      { timeoutMs: 30_000, everyMs: 250 },
    );
    await row.getByRole('link', { name: 'admin' }).waitFor();
    await row.getByText('Changed a branch').waitFor();
    await row.getByRole('cell', { name: branch.name, exact: true }).waitFor();
    await row.getByRole('cell', { name: ip, exact: true }).waitFor();
    await row.getByText('bays 2 → 3').click();
    await row.getByText('"bays": 3').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'staff-audit');

    // The kind of change, in the URL and in the download.
    await page.getByLabel('Kind of change').selectOption({ label: 'Catalog & branches' });
    await page.waitForURL((url) => url.searchParams.get('kind') === 'catalog');
    await row.waitFor();
    expect(await csvFilters(page)).toEqual({ action: 'catalog.', branchId: branch.id });
    const csv = await page.request.get((await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines.slice(1).some((l) => l.includes('"catalog.branch.updated"') && l.includes(ip))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(`"${branch.id}"`) && l.includes('"catalog.'))).toBe(true);

    // Sign-ins happen at no branch: nothing here, until the whole chain is chosen.
    await page.getByLabel('Kind of change').selectOption({ label: 'Sign-ins' });
    await page.getByText('Nothing recorded matches').waitFor();
    expect(await csvFilters(page)).toEqual({ action: 'auth.sign_in,auth.sign_in_failed', branchId: branch.id });
    await page.getByLabel('Branch').selectOption({ label: 'Whole chain' });
    await page.getByRole('row').filter({ hasText: 'Signed in' }).first().waitFor();
    expect(await csvFilters(page)).toEqual({ action: 'auth.sign_in,auth.sign_in_failed' });
    expect(await page.getByRole('row').filter({ hasText: 'bays 2 → 3' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps its filters in the URL and reads well on a phone; staff are told it is for admins', async () => {
    const branch = await openBranch();
    const { page, context, problems } = await openTab(browser, sys.origin, 375);
    await signInStaff(page, 'admin', 'admin123', `/staff/audit?kind=accounts&branch=${branch.id}&from=2026-01-01`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await loaded(page);
    expect(await page.getByLabel('Kind of change').inputValue()).toBe('accounts');
    await untilValue(
      'the branch picker to choose the branch of the URL',
      () => page.getByLabel('Branch').inputValue(),
      (v) => v === branch.id,
      { timeoutMs: 15_000 },
    );
    expect(await page.getByLabel('From').inputValue()).toBe('2026-01-01');
    const filters = await csvFilters(page);
    expect(filters.action).toBe('auth.user.,auth.customer.,auth.password.');
    expect(filters.branchId).toBe(branch.id);
    // Midnight of that day in the browser's own zone, as an instant.
    expect(new Date(filters.from).getTime()).toBe(await page.evaluate(() => new Date(2026, 0, 1).getTime()));
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'staff-audit');
    await context.close();

    const username = `desk-${tag()}`;
    const password = `Desk-${tag()}-Pass9`;
    const made = await http(sys.origin, 'POST', '/api/users', {
      token: admin,
      body: { username, password, role: 'staff', branchIds: [branch.id] },
    });
    expect(made.status).toBe(201);
    const staff = await openTab(browser, sys.origin, 1440);
    await signInStaff(staff.page, username, password, '/staff/audit');
    await staff.page.getByText('Only admins read the audit log.').waitFor();
    expect(
      await staff.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).count(),
    ).toBe(0);
    expect(await staff.page.getByRole('table').count()).toBe(0);
    expect([...problems, ...staff.problems]).toEqual([]);
    await staff.context.close();
  });
});
