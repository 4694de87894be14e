import type { Page } from '@playwright/test';
import { expect, test } from './support/console-guard';

const TEXT = 'chicken wings';

async function searchBox(page: Page) {
  await page.goto('/');
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Search calls' });
  await box.click();
  return box;
}

/** The box's search as the URL holds it: everywhere (`q`) by default, or in one field. */
const searchValue = (page: Page) => {
  const params = new URL(page.url()).searchParams;
  return params.get('q') ?? params.get('search_value');
};

// Slower than the debounce, the URL (and the rows) change between two keys: the box must not care.
for (const delay of [50, 180, 260, 400]) {
  test(`typing at ${delay} ms per key keeps every character and the focus`, async ({ page }) => {
    test.setTimeout(60_000 + TEXT.length * delay * 2);
    const box = await searchBox(page);
    await page.keyboard.type(TEXT, { delay });
    await expect(box).toHaveValue(TEXT);
    await expect(box).toBeFocused();
    await expect.poll(() => searchValue(page)).toBe(TEXT);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(TEXT);
  });
}

test('clearing with Ctrl+A and Backspace keeps the focus in the box', async ({ page }) => {
  const box = await searchBox(page);
  await page.keyboard.type('spicy', { delay: 60 });
  await expect.poll(() => searchValue(page)).toBe('spicy');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect.poll(() => searchValue(page)).toBeNull();
  await expect(box).toBeFocused();
  await page.keyboard.type('wings', { delay: 60 });
  await expect(box).toHaveValue('wings');
  await expect.poll(() => searchValue(page)).toBe('wings');
  await expect(box).toBeFocused();
});

test('changing the search field keeps the text and goes back to typing', async ({ page }) => {
  const box = await searchBox(page);
  await page.keyboard.type('spicy', { delay: 60 });
  await expect.poll(() => searchValue(page)).toBe('spicy');
  await page.getByRole('combobox', { name: 'Search in' }).selectOption('summary');
  await expect(page).toHaveURL(/search_by=summary/);
  await expect(box).toHaveValue('spicy');
  await box.focus();
  await page.keyboard.type(' wings', { delay: 300 });
  await expect(box).toHaveValue('spicy wings');
  await expect(box).toBeFocused();
  await expect.poll(() => searchValue(page)).toBe('spicy wings');
  await expect(page).toHaveURL(/search_by=summary/);
});

test('Escape leaves the box and keeps the search; the chip’s × clears it', async ({ page }) => {
  const box = await searchBox(page);
  await page.keyboard.type('spicy', { delay: 60 });
  await expect.poll(() => searchValue(page)).toBe('spicy');
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
  await expect(box).toHaveValue('spicy');
  expect(searchValue(page)).toBe('spicy');
  await page.getByRole('button', { name: 'Remove filter Search: spicy' }).click();
  await expect.poll(() => searchValue(page)).toBeNull();
  await expect(box).toHaveValue('');
});

test('Back and Forward bring the URL’s text back into the box', async ({ page }) => {
  const box = await searchBox(page);
  await page.keyboard.type('spicy', { delay: 60 });
  await expect.poll(() => searchValue(page)).toBe('spicy');
  await page.goBack();
  await expect(box).toHaveValue('');
  await page.goForward();
  await expect(box).toHaveValue('spicy');
});
