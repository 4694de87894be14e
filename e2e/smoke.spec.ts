import { expect, test } from './support/console-guard';

test('the dashboard shows the demo calls with no console errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Calls' })).toBeVisible();
  await expect(page.getByRole('link').filter({ hasText: /\S/ }).nth(5)).toBeVisible();
});
