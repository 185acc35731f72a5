import { randomBytes, randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { Branch, ServiceOffering, Vehicle } from '@garage/shared';
import { freshIp, http, loginCustomer } from '../../../test/support/http.js';
import { randomVin } from '../../../test/support/journey.js';

// Helpers for the customer portal's journeys: fresh people and far-off dates, so runs and other
// suites never meet on a slot.

const tag = () => randomBytes(4).toString('hex');

/** A weekday (Tue–Thu, when every demo branch is open) a random 3 to 12 weeks ahead. */
export function futureWeekday(): string {
  // Within a branch's default booking horizon (90 days): availability offers nothing beyond it.
  const d = new Date(Date.now() + randomInt(21, 85) * 86_400_000);
  while (![2, 3, 4].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface Person {
  email: string;
  password: string;
  firstName: string;
}

export function newPerson(): Person {
  const t = tag();
  return { email: `web-${t}@example.com`, password: `Portal-${t}-Pass9`, firstName: 'Robin' };
}

/** Registers over HTTP (set-up, not the thing under test). */
export async function registerCustomer(base: string, person = newPerson()): Promise<Person> {
  const res = await http(base, 'POST', '/api/customer-register', {
    body: { email: person.email, password: person.password, firstName: person.firstName, lastName: 'Tester' },
    ip: freshIp(),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
  return person;
}

/** Adds a car for a customer over HTTP. */
export async function addCar(base: string, person: Person): Promise<Vehicle> {
  const token = await loginCustomer(base, person.email, person.password);
  const res = await http<Vehicle>(base, 'POST', '/api/customer/my-vehicles', {
    token,
    body: {
      vin: randomVin(),
      plate: `W ${tag().toUpperCase()}`,
      make: 'Toyota',
      model: 'Yaris',
      year: 2019,
      mileage: 30_000,
    },
  });
  if (res.status !== 201) throw new Error(`add car: ${res.status} ${res.text}`);
  return res.body;
}

export async function branches(base: string): Promise<Branch[]> {
  return (await http<{ items: Branch[] }>(base, 'GET', '/api/branches')).body.items;
}

export async function services(base: string): Promise<ServiceOffering[]> {
  return (await http<{ items: ServiceOffering[] }>(base, 'GET', '/api/service-catalog?limit=100')).body.items;
}

/** Signs in through the form (already on the sign-in page). */
export async function signIn(page: Page, person: Person): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The accessible description of a control: the texts its aria-describedby names. */
export async function description(locator: Locator): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' '),
  );
}
