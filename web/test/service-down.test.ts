import type { Browser } from 'playwright-core';
import { startInventory } from '../../test/support/system.js';
import { accessibilityProblems, launchBrowser, openTab, startWebSystem, type WebSystem } from './support/browser.js';

jest.setTimeout(120_000);

let sys: WebSystem;
let browser: Browser;

beforeAll(async () => {
  [sys, browser] = await Promise.all([startWebSystem(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('a backing service that is down', () => {
  it('says which part is unavailable while the rest of the console keeps working, and recovers', async () => {
    const { page, context } = await openTab(browser, sys.origin);
    await page.goto('/staff/sign-in?next=%2Fstaff%2Fparts');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('admin123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/parts');

    await sys.inventory.close();
    // Parts live in inventory: that page says so in words, with a way to try again…
    await page.reload();
    const down = page.getByRole('alert').filter({ hasText: /not available right now/ });
    await down.waitFor();
    expect(await down.textContent()).not.toMatch(/[{}]|statusCode/);
    await down.getByRole('button', { name: 'Try again' }).waitFor();
    // …while pages that do not need it still work: the navigation, customers, bookings.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    await page
      .getByRole('cell', { name: /john\.smith@email\.com/i })
      .first()
      .waitFor();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Bookings' }).click();
    await page.getByRole('heading', { name: 'Bookings', level: 1 }).waitFor();
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /not available/ })
        .count(),
    ).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    // The dashboard keeps its other figures and says which one is missing, never a zero.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('status').filter({ hasText: 'Stock is not available right now' }).waitFor();
    const lowStock = page.locator('.figure').filter({ hasText: 'Low-stock parts' });
    expect(await lowStock.textContent()).toContain('Not available');
    await page.locator('.figure').filter({ hasText: 'Bookings today' }).getByText(/^\d+$/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // Back up: trying again on the parts page shows the parts.
    sys.inventory = await startInventory();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Parts' }).click();
    await page.getByRole('heading', { name: 'Parts', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'AC-DYE' }).first().waitFor();
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /not available/ })
        .count(),
    ).toBe(0);
    await context.close();
  });
});
