import type { Browser } from 'playwright-core';
import { freshIp, http } from '../../test/support/http.js';
import {
  accessibilityProblems,
  launchBrowser,
  openTab,
  screenshot,
  startWebSystem,
  type WebSystem,
} from './support/browser.js';
import { description, registerCustomer, signIn } from './support/customer.js';
import { eventually } from '../../test/support/waits.js';

jest.setTimeout(180_000);

let sys: WebSystem;
let browser: Browser;

beforeAll(async () => {
  [sys, browser] = await Promise.all([startWebSystem(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('the customer account', () => {
  it('says when to try again after six wrong passwords (429 with Retry-After)', async () => {
    // A client IP of its own (the test gateway trusts loopback's X-Forwarded-For): a bucket nobody else fills.
    const { page, problems, context } = await openTab(browser, sys.origin, 375, {
      headers: { 'x-forwarded-for': freshIp() },
    });
    const person = await registerCustomer(sys.origin);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(person.email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Password').fill(`Wrong-password-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /invalid|incorrect|wrong/i })
        .waitFor();
      // Wait for this attempt's answer before the next (the button is busy while it is pending).
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await page.getByLabel('Password').fill('Wrong-password-6');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const wait = page.getByRole('alert').filter({ hasText: /Try again in \d+ (seconds?|minutes?)\./ });
    await wait.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'sign-in-limited');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('changes the password (the server’s field errors land on the field), then signs out', async () => {
    const person = await registerCustomer(sys.origin);
    const { page, problems, context } = await openTab(browser, sys.origin, 1440);
    await page.goto('/account');
    await signIn(page, person);
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    await page.getByText(person.email).waitFor();

    const current = page.getByLabel('Current password');
    const fresh = page.getByLabel('New password');
    await current.fill('Not-my-password-1');
    await fresh.fill('abc');
    await eventually(async () => expect(await description(fresh)).toMatch(/an upper-case letter \(still needed\)/));
    await fresh.fill('Brand-new-Pass-42');
    await page.getByRole('button', { name: 'Change password' }).click();
    // The server names currentPassword: its message sits under that field, which takes focus.
    await eventually(async () => expect(await current.getAttribute('aria-invalid')).toBe('true'));
    expect(await description(current)).toMatch(/does not match/i);
    await eventually(async () => expect(await current.evaluate((el) => el === document.activeElement)).toBe(true));
    expect(await accessibilityProblems(page)).toEqual([]);

    await current.fill(person.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor();
    await screenshot(page, 'account');

    // The new password works; the old one no longer does.
    const ip = freshIp();
    const withNew = await http(sys.origin, 'POST', '/api/customer-login', {
      body: { email: person.email, password: 'Brand-new-Pass-42' },
      ip,
    });
    expect(withNew.status).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto('/bookings');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
