import type { Browser, Page } from 'playwright-core';
import { http, loginStaff } from '../../test/support/http.js';
import { openBranchAndCustomer, type Journey } from '../../test/support/journey.js';
import {
  accessibilityProblems,
  launchBrowser,
  openTab,
  screenshot,
  startWebSystem,
  type WebSystem,
} from './support/browser.js';
import { addCar, futureWeekday, registerCustomer, signIn, type Person } from './support/customer.js';

jest.setTimeout(240_000);

let sys: WebSystem;
let browser: Browser;
/** A branch of its own with one technician: a slot booked once is gone. */
let shop: Journey;

beforeAll(async () => {
  [sys, browser] = await Promise.all([startWebSystem(), launchBrowser()]);
  shop = await openBranchAndCustomer(sys.origin, await loginStaff(sys.origin, 'admin', 'admin123'), 50);
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

/** Signs in from the booking link and reaches the time step; returns the time it chose. */
async function toTimeStep(page: Page, person: Person, vehicleId: string, date: string, time?: string): Promise<string> {
  await page.goto(`/book?branch=${shop.branch.id}&vehicle=${vehicleId}&services=${shop.service.id}&step=time`);
  await signIn(page, person);
  await page.getByRole('heading', { name: /Step 4 of 5: Choose a time/ }).waitFor();
  await page.getByLabel('Date').fill(date);
  const group = page.getByRole('group', { name: /Free times on .* \(London time \(GMT(\+1)?\)\)/ });
  const slot = time ? group.getByRole('radio', { name: time, exact: true }) : group.getByRole('radio').first();
  await slot.check();
  return (await slot.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
}

describe('booking when things change underneath', () => {
  it('two customers race for the same slot: the loser is told plainly and offered fresh slots', async () => {
    const date = futureWeekday();
    const [ann, bob] = await Promise.all([registerCustomer(sys.origin), registerCustomer(sys.origin)]);
    const [annCar, bobCar] = await Promise.all([addCar(sys.origin, ann), addCar(sys.origin, bob)]);
    const a = await openTab(browser, sys.origin, 1440);
    const b = await openTab(browser, sys.origin, 375);

    const time = await toTimeStep(a.page, ann, annCar.id, date);
    await toTimeStep(b.page, bob, bobCar.id, date, time);
    for (const { page } of [a, b]) {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: /Step 5 of 5: Check and confirm/ }).waitFor();
    }
    expect(await accessibilityProblems(b.page)).toEqual([]);
    await screenshot(a.page, 'book-confirm');

    await a.page.getByRole('button', { name: 'Confirm booking' }).click();
    await a.page.waitForURL((url) => url.pathname.startsWith('/bookings/'));
    await a.page.getByRole('status').filter({ hasText: 'You are booked in' }).waitFor();
    await screenshot(a.page, 'booking');

    await b.page.getByRole('button', { name: 'Confirm booking' }).click();
    const notice = b.page.getByRole('alert').filter({ hasText: 'someone else has just booked that time' });
    await notice.waitFor();
    await b.page.getByRole('heading', { name: /Step 4 of 5: Choose a time/ }).waitFor();
    // Fresh slots: the time just taken is no longer offered, others are.
    const group = b.page.getByRole('group', { name: /Free times on/ });
    await group.getByRole('radio').first().waitFor();
    expect(await group.getByRole('radio', { name: time, exact: true }).count()).toBe(0);
    expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await accessibilityProblems(b.page)).toEqual([]);
    await screenshot(b.page, 'book-slot-taken');

    // The loser books another time at once.
    await group.getByRole('radio').first().check();
    await b.page.getByRole('button', { name: 'Continue' }).click();
    await b.page.getByRole('button', { name: 'Confirm booking' }).click();
    await b.page.getByRole('status').filter({ hasText: 'You are booked in' }).waitFor();

    // Ann changes her mind: cancelling asks first, then frees the time.
    await a.page.getByRole('button', { name: 'Cancel this booking' }).click();
    const question = a.page.getByRole('group', { name: /Cancel this booking\?/ });
    await question.getByRole('button', { name: 'Keep my booking' }).waitFor();
    expect(await accessibilityProblems(a.page)).toEqual([]);
    await question.getByRole('button', { name: 'Yes, cancel it' }).click();
    await a.page.getByRole('status').filter({ hasText: 'Your booking is cancelled' }).waitFor();
    await a.page.getByText('Cancelled', { exact: true }).waitFor();

    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('a session that ends mid-booking returns the customer to the same step with the same choices', async () => {
    const person = await registerCustomer(sys.origin);
    const car = await addCar(sys.origin, person);
    const { page, problems, context } = await openTab(browser, sys.origin, 375);
    const time = await toTimeStep(page, person, car.id, futureWeekday());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Step 5 of 5/ }).waitFor();
    const before = new URL(page.url());

    // The session dies on the server (signed out elsewhere) while the page still shows the booking.
    const token = (await context.cookies()).find((c) => c.name === 'session')?.value;
    expect(token).toBeTruthy();
    expect((await http(sys.origin, 'POST', '/api/logout', { token })).status).toBe(204);

    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(before.pathname + before.search);
    await page.getByText('Please sign in to continue where you were.').waitFor();
    await signIn(page, person);

    await page.waitForURL((url) => url.pathname === '/book' && url.search === before.search);
    await page.getByRole('heading', { name: /Step 5 of 5: Check and confirm/ }).waitFor();
    await page.getByText(`${car.year} ${car.make} ${car.model} (${car.plate})`).waitFor();
    await page.getByText(shop.branch.name, { exact: false }).first().waitFor();
    await page.getByText(new RegExp(`, ${time} London time`)).waitFor();
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('status').filter({ hasText: 'You are booked in' }).waitFor();
    await page.getByText(/^(Parts set aside|We are waiting for a part|Checking the parts)$/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
