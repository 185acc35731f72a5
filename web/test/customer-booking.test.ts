import type { Browser } from 'playwright-core';
import {
  accessibilityProblems,
  launchBrowser,
  openTab,
  screenshot,
  startWebSystem,
  type WebSystem,
} from './support/browser.js';
import { loginStaff } from '../../test/support/http.js';
import { description, futureWeekday, newPerson, signIn, type Person } from './support/customer.js';
import { completeBooking, randomVin } from '../../test/support/journey.js';
import { eventually } from '../../test/support/waits.js';

jest.setTimeout(240_000);

let sys: WebSystem;
let browser: Browser;
/** What the first journey leaves for the next: the customer and the booking they made. */
let made: { person: Person; bookingId: string } | undefined;

beforeAll(async () => {
  [sys, browser] = await Promise.all([startWebSystem(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('a new customer on a phone', () => {
  it('registers, adds a car, prices two services, books a free slot and sees the booking with its parts status', async () => {
    const { page, problems, context } = await openTab(browser, sys.origin, 375);
    const person = newPerson();
    person.firstName = 'Robin';

    // Home: the start page offers booking, prices and the branches.
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Downtown Garage' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'home');
    await page.getByRole('link', { name: 'Create an account' }).click();

    // Register: the password rules tick off as you type.
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.getByLabel('First name').fill(person.firstName);
    await page.getByLabel('Last name').fill('Tester');
    await page.getByLabel('Email').fill(person.email);
    const password = page.getByLabel('Password');
    await password.fill('short');
    await eventually(async () => expect(await description(password)).toMatch(/8 to 128 characters \(still needed\)/));
    await password.fill(person.password);
    await eventually(async () =>
      expect(await description(password)).toMatch(/8 to 128 characters \(done\).*a digit \(done\)/),
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'register');
    await page.getByRole('button', { name: 'Create account' }).click();

    // Straight to adding a car; the VIN is checked as you type.
    await page.waitForURL((url) => url.pathname === '/vehicles');
    await page.getByRole('heading', { name: 'Add a car' }).waitFor();
    const vin = page.getByLabel('VIN');
    await vin.fill('1HGCM82633A00435O');
    await eventually(async () => expect(await description(vin)).toMatch(/never contains O/));
    await vin.fill(randomVin());
    await eventually(async () => expect(await vin.getAttribute('aria-invalid')).toBeNull());
    await page.getByLabel('Number plate').fill('WEB 123');
    await page.getByLabel('Make').fill('Honda');
    await page.getByLabel('Model').fill('Jazz');
    await page.getByLabel('Year').fill('2018');
    await page.getByLabel('Mileage (optional)').fill('52000');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add car' }).click();
    await page.getByRole('status').filter({ hasText: '2018 Honda Jazz (WEB 123) was added' }).waitFor();
    await page.getByRole('heading', { name: '2018 Honda Jazz' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'vehicles');

    // Prices: two services at a branch, labour, parts, tax and total.
    await page.getByRole('link', { name: 'Prices' }).click();
    await page.getByRole('heading', { name: 'Prices' }).waitFor();
    await page.getByLabel('Branch').selectOption({ label: 'Downtown Garage' });
    await page.getByRole('checkbox', { name: 'Oil and filter change' }).check();
    await page.getByRole('checkbox', { name: 'Brake pads, front' }).check();
    const price = page.getByRole('table', { name: /Price at Downtown Garage$/ });
    await price.getByRole('row', { name: /Brake pads, front/ }).waitFor();
    await price.getByRole('row', { name: /Oil and filter change/ }).waitFor();
    await price.getByRole('row', { name: /^Total .*\d/ }).waitFor();
    await price.getByRole('row', { name: /^Tax \(8\.25%\) .*\d/ }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'prices');
    const total = (await price
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .textContent())!.trim();

    // Book them: car, services (kept), a date, a free slot in the branch's zone, confirm.
    await page.getByRole('link', { name: 'Book these services' }).click();
    await page.getByRole('heading', { name: /Step 2 of 5: Choose your car/ }).waitFor();
    await page.getByRole('radio', { name: '2018 Honda Jazz (WEB 123)' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Step 3 of 5/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Brake pads, front' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Step 4 of 5: Choose a time/ }).waitFor();
    // The next free time, from GET /api/availability/next through the gateway and bookings.
    await page.getByText(/The next free time is .*\d\d:\d\d/).waitFor();
    await page.getByLabel('Date').fill(futureWeekday());
    const slots = page.getByRole('group', { name: /Free times on .* \(Chicago time \(C[SD]T\)\)/ });
    await slots.getByRole('radio').first().check();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'book-time');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Step 5 of 5: Check and confirm/ }).waitFor();
    await eventually(async () =>
      expect(
        await page
          .getByRole('table', { name: /Price at Downtown Garage/ })
          .getByRole('row', { name: /^Total/ })
          .textContent(),
      ).toContain(total),
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'book-confirm');
    await page.getByRole('button', { name: 'Confirm booking' }).click();

    // The booking: status and parts status in plain words, the frozen quote, branch-local time.
    await page.waitForURL((url) => /^\/bookings\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('status').filter({ hasText: 'You are booked in' }).waitFor();
    made = { person, bookingId: new URL(page.url()).pathname.split('/').pop()! };
    await page.getByText('Requested', { exact: true }).waitFor();
    await page.getByText(/^(Parts set aside|We are waiting for a part)$/).waitFor();
    await page
      .getByText(/Chicago time \(C[SD]T\)/)
      .first()
      .waitFor();
    expect(
      await page
        .getByRole('table', { name: 'Your quote' })
        .getByRole('row', { name: /^Total/ })
        .textContent(),
    ).toContain(total);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'booking');

    await page.getByRole('link', { name: 'My bookings', exact: true }).click();
    await page.getByRole('heading', { name: 'Coming up' }).waitFor();
    await page.getByRole('link', { name: /Oil and filter change/ }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'bookings');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('then sees the service record once the branch has done the work, on every main page at 1440 px too', async () => {
    if (!made) throw new Error('the booking journey did not finish');
    const admin = await loginStaff(sys.origin, 'admin', 'admin123');
    await completeBooking(sys.origin, admin, made.bookingId);

    const { page, problems, context } = await openTab(browser, sys.origin, 375);
    await page.goto('/history');
    await signIn(page, made.person);
    await page.waitForURL((url) => url.pathname === '/history');
    const car = page.getByRole('region', { name: '2018 Honda Jazz (WEB 123)' });
    const record = car.getByRole('listitem').filter({ hasText: 'Oil and filter change' });
    await record.getByRole('heading', { name: /Oil and filter change/ }).waitFor();
    await record.getByText('52,100').waitFor();
    await record.getByText('Downtown Garage').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'history');

    // The booking itself now reads "Ready to collect", and can no longer be cancelled.
    await page.goto(`/bookings/${made.bookingId}`);
    await page.getByText('Ready to collect', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel this booking' }).count()).toBe(0);

    // Every main page at desktop width: no serious accessibility problem, a screenshot each.
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const [path, heading, name] of [
      ['/', 'Hello, Robin', 'home'],
      ['/prices', 'Prices', 'prices'],
      ['/book', 'Book a service', 'book'],
      ['/vehicles', 'My cars', 'vehicles'],
      ['/bookings', 'My bookings', 'bookings'],
      [`/bookings/${made.bookingId}`, 'Oil and filter change, Brake pads, front', 'booking'],
      ['/history', 'Service history', 'history'],
      ['/account', 'Your account', 'account'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: /…$/ }).first().waitFor({ state: 'detached' });
      expect({ path, problems: await accessibilityProblems(page) }).toEqual({ path, problems: [] });
      await screenshot(page, name);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
