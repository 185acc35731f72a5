import type { Page } from 'playwright-core';

/** Signs in at the staff sign-in page and waits for the console, at `path` (the dashboard by default). */
export async function signInStaff(page: Page, username: string, password: string, path = '/staff'): Promise<void> {
  await page.goto(`/staff/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console' }).waitFor();
}
