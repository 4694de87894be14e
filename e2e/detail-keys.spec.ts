import type { Page } from '@playwright/test';
import { expect, test } from './support/console-guard';

/** Moving between calls from the keyboard, pressed as fast as a reader taps. */

/** The ids of one page of a list, as the app's API gives them. */
async function listIds(page: Page, query: string): Promise<string[]> {
  const response = await page.request.get(`/v1/conversations?${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { id: string }[]).map((call) => call.id);
}

const byDefault = (skip: number, limit: number) =>
  `sort_by=timestampStart&sort_order=desc&skip=${skip}&limit=${limit}`;
const callUrl = (id: string) => new RegExp(`/calls/${id.replace(/\./g, '\\.')}$`);
/** Settled: no press is on its way, so the call shown is where the keys led. */
const settled = (page: Page) => page.locator('[data-call-page][aria-busy="false"]');

/** Opens call `index` of the list page `?limit=10&skip=10`, and returns that page's ids. */
async function openFromList(page: Page, index: number): Promise<string[]> {
  const ids = await listIds(page, byDefault(10, 10));
  await page.goto('/?limit=10&skip=10');
  await page.locator('tbody a[data-row-link]').nth(index).click();
  await expect(page).toHaveURL(callUrl(ids[index]!));
  await expect(settled(page)).toBeVisible();
  return ids;
}

test('j and k pressed without a pause land where they add up to', async ({ page }) => {
  const ids = await openFromList(page, 4);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(settled(page)).toBeVisible();
  await expect(page).toHaveURL(callUrl(ids[4]!));

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(settled(page)).toBeVisible();
  await expect(page).toHaveURL(callUrl(ids[5]!));
});

test('quick presses cross to the next page and back without losing count', async ({ page }) => {
  const following = await listIds(page, byDefault(20, 10));
  await openFromList(page, 8);
  for (const key of ['j', 'j', 'j', 'k', 'j']) await page.keyboard.press(key);
  await expect(settled(page)).toBeVisible();
  await expect(page).toHaveURL(callUrl(following[1]!));
  await page.getByRole('link', { name: 'All calls', exact: true }).click();
  await expect(page).toHaveURL(/skip=20/);
});

test('a call opened from a link steps through the default list', async ({ page }) => {
  const ids = await listIds(page, byDefault(50, 25));
  await page.goto(`/calls/${ids[24]}`);
  // Finding the call's page takes a few list requests after the call itself has loaded.
  await expect(page.getByRole('link', { name: /Previous call/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: /Next call/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();
  await page.keyboard.press('k');
  await expect(page).toHaveURL(callUrl(ids[23]!));
  await expect(settled(page)).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(settled(page)).toBeVisible();
  const next = await listIds(page, byDefault(75, 1));
  await expect(page).toHaveURL(callUrl(next[0]!));
  await page.getByRole('link', { name: 'All calls', exact: true }).click();
  await expect(page).toHaveURL(/skip=75/);
});

test('Enter on a list row opens the call with focus on its heading', async ({ page }) => {
  await page.goto('/');
  const first = page.locator('tbody a[data-row-link]').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/calls\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // From the heading the page's own keys work at once.
  await page.keyboard.press('j');
  await expect(settled(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
