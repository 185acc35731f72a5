import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { Availability, Booking, Branch, Vehicle } from '@garage/shared';
import { http, loginStaff } from '../../test/support/http.js';
import { bookingOf, openBranchAndCustomer, stockOf, type Journey } from '../../test/support/journey.js';
import { untilValue } from '../../test/support/waits.js';
import {
  accessibilityProblems,
  launchBrowser,
  openTab,
  screenshot,
  startWebSystem,
  type WebSystem,
} from './support/browser.js';
import { signInStaff as signIn } from './support/staff.js';

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

/**
 * A date weeks ahead (its own random offset), so runs and other suites rarely share a day; within
 * a branch's default booking horizon (90 days), beyond which availability offers nothing.
 */
function futureDate(): string {
  const days = 21 + Math.floor(Math.random() * 65);
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The journey's customer books its service on the first free slot of a date. */
async function bookOn(j: Journey, date: string): Promise<Booking> {
  const slots = await http<Availability>(
    sys.origin,
    'GET',
    `/api/availability?branchId=${j.branch.id}&serviceIds=${j.service.id}&date=${date}`,
  );
  const slot = slots.body.slots?.[0];
  if (!slot) throw new Error(`no free slot on ${date}: ${slots.text}`);
  const booked = await http<Booking>(sys.origin, 'POST', '/api/bookings', {
    token: j.customer,
    headers: { 'idempotency-key': randomUUID() },
    body: { branchId: j.branch.id, vehicleId: j.vehicle.id, serviceIds: [j.service.id], startsAt: slot.startsAt },
  });
  if (booked.status !== 201) throw new Error(`book: ${booked.status} ${booked.text}`);
  return booked.body;
}

/** A staff account for some branches, made by the admin over the API. */
async function createStaff(branchIds: string[]): Promise<{ username: string; password: string }> {
  const username = `desk-${tag()}`;
  const password = `Desk-${tag()}-Pass9`;
  const res = await http(sys.origin, 'POST', '/api/users', {
    token: admin,
    body: { username, password, role: 'staff', branchIds },
  });
  if (res.status !== 201) throw new Error(`create staff: ${res.status} ${res.text}`);
  return { username, password };
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
}

describe('the service desk (staff of one branch)', () => {
  let home: Journey;
  let other: Journey;
  let date: string;
  let ours: Booking;
  let theirs: Booking;
  let staff: { username: string; password: string };

  beforeAll(async () => {
    [home, other] = await Promise.all([
      openBranchAndCustomer(sys.origin, admin),
      openBranchAndCustomer(sys.origin, admin),
    ]);
    date = futureDate();
    [ours, theirs] = await Promise.all([bookOn(home, date), bookOn(other, date)]);
    staff = await createStaff([home.branch.id]);
  });

  it('finds a booking on the day board and takes it to completed with the mileage', async () => {
    const { page, context, problems } = await openTab(browser, sys.origin, 1440);
    await signIn(page, staff.username, staff.password, '/staff/board');
    await page.getByRole('heading', { name: 'Day board' }).waitFor();
    // Their only branch is chosen; the date goes in the URL.
    // (The picker fills in once the branches have loaded: wait for it, do not read it once.)
    const branchSelect = page.getByLabel('Branch');
    await untilValue(
      'the picker to choose their branch',
      () => branchSelect.inputValue(),
      (v) => v === home.branch.id,
      { timeoutMs: 15_000 },
    );
    await page.getByLabel('Date').fill(date);
    await page.waitForURL((url) => url.searchParams.get('date') === date);

    const block = page.getByRole('button', { name: new RegExp(`${escape(home.vehicle.plate)}.*Requested`) });
    await block.waitFor();
    await page.getByRole('region', { name: new RegExp(`Bookings at ${escape(home.branch.name)}`) }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-day-board');

    await block.click();
    const dialog = page.getByRole('dialog', { name: /Booking at/ });
    await dialog.waitFor();
    // Focus moved into the dialog; the customer and car are there.
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await dialog.getByText('Jo Urney').waitFor();
    await dialog.getByText(home.vehicle.plate).waitFor();
    await dialog.getByText('Journey brake service').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-booking-dialog');

    for (const [action, words] of [
      ['Confirm', 'Confirmed'],
      ['Check in', 'Checked in'],
      ['Start work', 'Being worked on'],
    ]) {
      await dialog.getByRole('button', { name: action, exact: true }).click();
      await dialog
        .getByRole('status')
        .filter({ hasText: `now “${words}”` })
        .waitFor();
    }
    await dialog.getByRole('button', { name: 'Complete', exact: true }).click();
    const mileage = dialog.getByLabel('Mileage');
    await mileage.fill('lots');
    await dialog.getByRole('button', { name: 'Complete booking' }).click();
    await dialog.getByText('Enter the mileage as a whole number').waitFor();
    expect(await mileage.getAttribute('aria-invalid')).toBe('true');
    await mileage.fill('52,100');
    await dialog.getByRole('button', { name: 'Complete booking' }).click();
    await dialog.getByRole('status').filter({ hasText: 'now “Ready to collect”' }).waitFor();
    await dialog.getByText('No further steps').waitFor();

    // Escape closes the dialog and focus goes back to the booking's block, which shows the new status.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const again = page.getByRole('button', { name: new RegExp(`${escape(home.vehicle.plate)}.*Ready to collect`) });
    await again.waitFor();
    expect(await again.evaluate((el) => el === document.activeElement)).toBe(true);

    // The booking's own page and its customer's page tell the same story.
    await page.goto(`/staff/bookings/${ours.id}`);
    await page.getByRole('heading', { level: 1, name: 'Booking' }).waitFor();
    await page.getByText('No further steps').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-booking');
    await page.getByRole('link', { name: 'Jo Urney' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jo Urney' }).waitFor();
    const car = page.getByRole('region', { name: new RegExp(escape(home.vehicle.plate)) });
    await car.getByRole('cell', { name: 'Journey brake service' }).waitFor();
    await car.getByRole('cell', { name: '52,100' }).waitFor();
    // Their bookings at this branch, in one table (GET /api/bookings?customerId=), linking to the job.
    const theirBookings = page.getByRole('table', { name: "The customer's bookings by start time" });
    await theirBookings.getByRole('cell', { name: 'Ready to collect' }).waitFor();
    expect(await theirBookings.getByRole('link').getAttribute('href')).toBe(`/staff/bookings/${ours.id}`);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await expectAccessible(page);
    await screenshot(page, 'staff-customer');
    // Suspending asks first; activating again is one step.
    await page.getByRole('button', { name: 'Suspend account' }).click();
    await page.getByRole('button', { name: 'Yes, suspend account' }).click();
    await page.getByRole('status').filter({ hasText: 'The account is suspended.' }).waitFor();
    await page.getByRole('button', { name: 'Activate account' }).click();
    await page.getByRole('status').filter({ hasText: 'The account is active.' }).waitFor();

    const done = await bookingOf(sys.origin, admin, ours.id);
    expect(done.status).toBe('completed');
    const vehicle = await http<Vehicle>(sys.origin, 'GET', `/api/vehicles/${home.vehicle.id}`, { token: admin });
    expect(vehicle.body.mileage).toBe(52_100);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("does not show another branch's bookings on the board", async () => {
    const { page, context, problems } = await openTab(browser, sys.origin, 375);
    await signIn(page, staff.username, staff.password, `/staff/board?branch=${home.branch.id}&date=${date}`);
    await page.getByRole('button', { name: new RegExp(escape(home.vehicle.plate)) }).waitFor();
    expect(await page.getByRole('button', { name: new RegExp(escape(other.vehicle.plate)) }).count()).toBe(0);
    // Their branch picker holds only their branch.
    const options = await untilValue(
      'the branch picker to fill in',
      () => page.getByLabel('Branch').locator('option').allTextContents(),
      (o) => o.length > 0,
      { timeoutMs: 15_000 },
    );
    expect(options).toEqual([home.branch.name]);
    await expectAccessible(page);
    await screenshot(page, 'staff-day-board');

    // Asking for the other branch in the URL shows nothing of it.
    await page.goto(`/staff/board?branch=${other.branch.id}&date=${date}`);
    await page.getByText('That branch is not one of yours').waitFor();
    expect(await page.getByRole('button', { name: new RegExp(escape(other.vehicle.plate)) }).count()).toBe(0);
    expect(theirs.branchId).toBe(other.branch.id);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the admin', () => {
  it('picks any branch or the whole chain, on the dashboard and the day board', async () => {
    const branches = await http<{ items: Branch[] }>(sys.origin, 'GET', '/api/branches?limit=100');
    const { page, context, problems } = await openTab(browser, sys.origin, 1440);
    await signIn(page, 'admin', 'admin123');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const names = branches.body.items.map((b) => b.name).sort();
    // The pickers fill in once the branches have loaded: wait for them, do not read them once.
    const options = await untilValue(
      'the dashboard picker to list every branch',
      () => page.getByLabel('Show').locator('option').allTextContents(),
      (o) => o.length === names.length + 1,
      { timeoutMs: 15_000 },
    );
    expect(options[0]).toBe('Whole chain');
    expect([...options.slice(1)].sort()).toEqual(names);
    await page.getByRole('heading', { name: 'The chain at a glance' }).waitFor();
    await page.getByRole('img', { name: /Bookings by status: Requested \d+/ }).waitFor();
    await page.getByRole('link', { name: 'Day board' }).click();
    await page.getByRole('heading', { name: 'Day board' }).waitFor();
    const boardOptions = await untilValue(
      'the day board picker to list every branch',
      () => page.getByLabel('Branch').locator('option').allTextContents(),
      (o) => o.length === names.length,
      { timeoutMs: 15_000 },
    );
    expect(boardOptions.sort()).toEqual(names);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('receives stock, transfers parts to another branch and sees the low stock on the dashboard', async () => {
    const j = await openBranchAndCustomer(sys.origin, admin, 5);
    const target = await http<Branch>(sys.origin, 'POST', '/api/branches', {
      token: admin,
      body: { ...pick(j.branch), name: `Transfer target ${tag()}` },
    });
    expect(target.status).toBe(201);

    const { page, context, problems } = await openTab(browser, sys.origin, 1440);
    await signIn(page, 'admin', 'admin123', `/staff/parts?q=${j.sku}`);
    await page.getByRole('heading', { name: 'Parts' }).waitFor();
    await page.getByRole('link', { name: 'Journey brake pads' }).first().click();
    await page.getByRole('heading', { name: `Journey brake pads (${j.sku})` }).waitFor();

    // Receive a delivery of 3 at the journey's branch: 5 + 3 = 8.
    const adjust = page.getByRole('form', { name: 'Receive or adjust stock' });
    await adjust.getByLabel('Branch', { exact: true }).selectOption({ label: j.branch.name });
    await adjust.getByLabel('What happened').selectOption({ label: 'A delivery arrived' });
    await adjust.getByLabel('Reason').fill('delivery note 42');
    await adjust.getByRole('button', { name: 'Receive stock' }).click();
    await adjust.getByText('Enter a whole number other than 0').waitFor();
    await adjust.getByLabel('Quantity').fill('3');
    await adjust.getByRole('button', { name: 'Receive stock' }).click();
    await adjust.getByRole('status').filter({ hasText: '8 on hand' }).waitFor();

    // Move 7 to the new branch: 1 left, at the reorder level → low stock.
    const transfer = page.getByRole('form', { name: 'Transfer to another branch' });
    await transfer.getByLabel('From branch').selectOption({ label: j.branch.name });
    await transfer.getByLabel('To branch').selectOption({ label: target.body.name });
    await transfer.getByLabel('Quantity to move').fill('70');
    await transfer.getByLabel('Reason for the transfer').fill('rebalancing');
    await transfer.getByRole('button', { name: 'Transfer parts' }).click();
    await transfer.getByRole('alert').waitFor(); // more than is available: the server's clear message
    expect(await transfer.getByRole('alert').textContent()).not.toMatch(/[{}]/);
    await transfer.getByLabel('Quantity to move').fill('7');
    await transfer.getByRole('button', { name: 'Transfer parts' }).click();
    await transfer.getByRole('status').filter({ hasText: 'Moved 7' }).waitFor();
    await page.getByRole('cell', { name: 'rebalancing' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-part');

    expect((await stockOf(sys.origin, admin, j)).available).toBe(1);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByLabel('Show').selectOption({ label: j.branch.name });
    const low = page.getByRole('region', { name: 'Low stock' });
    await low.getByRole('link', { name: new RegExp(j.sku) }).waitFor();
    await page
      .getByRole('region', { name: `${j.branch.name} at a glance` })
      .getByText('Low-stock parts')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-dashboard');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('every console page', () => {
  const pages: [string, string][] = [
    ['/staff', 'Dashboard'],
    ['/staff/board', 'Day board'],
    ['/staff/bookings', 'Bookings'],
    ['/staff/customers', 'Customers'],
    ['/staff/vehicles', 'Vehicles'],
    ['/staff/technicians', 'Technicians'],
    ['/staff/parts', 'Parts'],
    ['/staff/catalog', 'Service catalog'],
    ['/staff/branches', 'Branches'],
    ['/staff/users', 'Users'],
    ['/staff/health', 'System health'],
    ['/staff/dead-letters', 'Dead letters'],
  ];

  it.each([1440, 375])(
    'is accessible and error-free at %i px',
    async (width) => {
      const { page, context, problems } = await openTab(browser, sys.origin, width);
      await signIn(page, 'admin', 'admin123');
      for (const [path, title] of pages) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        // Wait until nothing is loading any more.
        await page.waitForFunction(() => !document.querySelector('.loading'));
        const found = await accessibilityProblems(page);
        expect({ path, found }).toEqual({ path, found: [] });
        await screenshot(page, `staff-page-${title.toLowerCase().replace(/\W+/g, '-')}`);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
    600_000,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pick(b: Branch) {
  return {
    address: b.address,
    timezone: b.timezone,
    openingHours: b.openingHours,
    bays: b.bays,
    laborRateCents: b.laborRateCents,
    taxRatePercent: b.taxRatePercent,
  };
}
