import type { Browser } from 'playwright-core';
import { accessibilityProblems, launchBrowser, openTab, startWebSystem, type WebSystem } from './support/browser.js';

jest.setTimeout(60_000);

let sys: WebSystem;
let browser: Browser;

beforeAll(async () => {
  [sys, browser] = await Promise.all([startWebSystem(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('signing in through the web app', () => {
  it('sends a signed-out visitor of a private page to sign in, then back to that page', async () => {
    const { page, problems, context } = await openTab(browser, sys.origin, 375);
    await page.goto('/vehicles?from=test');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/vehicles?from=test');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel('Email').fill('john.smith@email.com');
    await page.getByLabel('Password').fill('wrong-password-1A');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /invalid|incorrect|wrong/i })
      .waitFor();

    await page.getByLabel('Password').fill('customer123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/vehicles' && url.search === '?from=test');

    // The session is the HttpOnly cookie: JavaScript sees no token, and a reload stays signed in.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('session');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).toBe(
      '{}{}',
    );
    await page.reload();
    await page.getByRole('link', { name: 'My bookings' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps staff pages for staff: a customer is sent to the staff sign-in', async () => {
    const { page, context, problems } = await openTab(browser, sys.origin);
    await page.goto('/staff/board');
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('admin123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/board');
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
