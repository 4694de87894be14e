import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './support/console-guard';

// Patient on a busy machine: every wait is on a condition, never a fixed sleep.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 150_000 });

const rowIds = (page: Page) =>
  page
    .locator('tbody a[data-row-link]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

/** The first row whose caller line matches, with its call's href and that text. */
async function firstRowWith(page: Page, pattern: RegExp) {
  await page.goto('/?limit=100');
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
  const rows = page.locator('tbody tr').filter({ hasText: pattern });
  await expect(rows.first()).toBeVisible();
  const row = rows.first();
  const href = (await row.locator('a[data-row-link]').getAttribute('href'))!;
  const text = (await row.textContent())!.match(pattern)![0];
  return { href, text };
}

async function searchPhone(page: Page, value: string) {
  await page.goto(
    `/?${new URLSearchParams({ search_by: 'phone_number_of_caller', search_value: value, limit: '100' })}`,
  );
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
}

test('a number shown as (303) 357-1735 is found however it is typed', async ({ page }) => {
  const { href, text } = await firstRowWith(page, /\((\d{3})\) (\d{3})-(\d{4})(?! \(caller ID\))/);
  const [, area, exchange, line] = /\((\d{3})\) (\d{3})-(\d{4})/.exec(text)!;
  // Typed into the box, as a user does.
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search in' }).selectOption('phone_number_of_caller');
  await page
    .getByRole('searchbox', { name: 'Search calls' })
    .fill(`+1 ${area} ${exchange} ${line}`);
  await expect.poll(() => rowIds(page)).toContain(href);
  for (const form of [
    `(${area}) ${exchange}-${line}`,
    `${area}${exchange}${line}`,
    `${exchange}-${line}`,
    `+1 ${area} ${exchange} ${line}`,
  ]) {
    await searchPhone(page, form);
    expect(await rowIds(page), form).toContain(href);
  }
});

test('a phone call with no number given shows its caller ID, labelled, and is found by it', async ({
  page,
}) => {
  const { href, text } = await firstRowWith(
    page,
    /\(\d{3}\) \d{3}-\d{4} \(caller ID\)|\+[\d ]+ \(caller ID\)/,
  );
  const shown = text.replace(' (caller ID)', '');
  await searchPhone(page, shown);
  expect(await rowIds(page)).toContain(href);

  await page.goto(href);
  const card = page
    .getByRole('region', { name: 'Caller' })
    .or(page.locator('section', { hasText: 'Caller ID' }));
  await expect(card.getByText('Caller ID', { exact: true }).first()).toBeVisible();
  await expect(card.getByText(shown).first()).toBeVisible();
});
