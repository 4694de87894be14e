import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/console-guard';

async function openThirtyDays(page: Page) {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Insights' })
    .click();
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  await page
    .getByRole('group', { name: 'Window' })
    .getByRole('button', { name: '30 days' })
    .click();
  await expect(
    page.getByRole('group', { name: 'Window' }).getByRole('button', { name: '30 days' }),
  ).toHaveAttribute('aria-pressed', 'true');
  // The last window's figures stay on screen, marked busy, until the new window's arrive.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  // Both charts drawn on their canvas, each with its name in words.
  await expect(page.locator('[data-drawn="true"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(
    page.getByRole('img', { name: /^Calls per day by sentiment: Positive/ }),
  ).toBeVisible();
}

test('a day’s negative calls open in the list with the same total', async ({ page, request }) => {
  await openThirtyDays(page);
  const figure = page.getByRole('figure', { name: 'Calls per day by sentiment' });
  const negative = figure.getByRole('link', { name: /calls: Negative, / }).first();
  const label = (await negative.getAttribute('aria-label')) ?? '';
  const count = Number(label.split(' ')[0]!.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);

  await negative.click();
  await expect(page).toHaveURL(/\/\?.*sentiment=negative/);
  const query = new URL(page.url()).searchParams;
  expect(query.get('from')).toMatch(/Z$/);
  expect(query.get('to')).toMatch(/Z$/);
  await expect(
    page.getByText(`${count} call${count === 1 ? '' : 's'}`, { exact: true }),
  ).toBeVisible();
  const answer = await request.get(`/api/calls?${query}`);
  expect(((await answer.json()) as { total: number }).total).toBe(count);
});

test('the Insights page has no axe violations and says when a window has no calls', async ({
  page,
}) => {
  // axe reads every link of both tables: slow on a busy machine.
  test.setTimeout(240_000);
  await openThirtyDays(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);

  await page.goto('/insights?from=2001-01-01T00:00:00.000Z&to=2001-01-08T00:00:00.000Z');
  await expect(page.getByText(/^No calls in this window/)).toBeVisible();
});
