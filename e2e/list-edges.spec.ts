import { expect as baseExpect, test } from './support/console-guard';

// Patient on a busy machine: every wait is on a condition, never a fixed sleep.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 150_000 });

test('a page past the end says so and offers the last page or the first', async ({ page }) => {
  await page.goto('/?skip=5000');
  await expect(
    page.getByRole('heading', { name: 'This page is past the end of the list' }),
  ).toBeVisible();
  await expect(page.getByText(/No calls match|clear the filters/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Go to the last page' }).click();
  await expect(page).toHaveURL(/skip=\d+/);
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
  await page.goto('/?skip=5000');
  await page.getByRole('button', { name: 'Go to the first page' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('tbody a[data-row-link]')).toHaveCount(25);
});

test('a 2-character search in the URL explains the rule and sends nothing', async ({ page }) => {
  const searches: string[] = [];
  const refused: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const listRequest = url.pathname.startsWith('/v1/') || url.pathname === '/api/calls';
    if (listRequest && url.searchParams.get('search_value') === 'ab') {
      searches.push(request.url());
    }
  });
  page.on('response', (response) => {
    if (response.status() === 422) refused.push(response.url());
  });
  await page.goto('/?search_by=transcript&search_value=ab');
  await expect(page.getByRole('heading', { name: '“ab” is too short to search' })).toBeVisible();
  await expect(page.getByText('A search needs at least 3 characters.')).toBeVisible();
  await expect(page.getByText(/String should have/)).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search calls' })).toHaveValue('ab');
  // Typing the third character searches.
  await page.getByRole('searchbox', { name: 'Search calls' }).press('End');
  await page.getByRole('searchbox', { name: 'Search calls' }).pressSequentially('c');
  await expect(page).toHaveURL(/search_value=abc/);
  await expect(page.getByRole('heading', { name: /too short/ })).toHaveCount(0);
  expect(searches).toEqual([]);
  expect(refused).toEqual([]);
});

test('a status the filter does not offer is dropped from the URL, with no chip', async ({
  page,
}) => {
  await page.goto('/?status=deleted&sort_by=duration');
  await expect(page).toHaveURL(/\/\?sort_by=duration$/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('');
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
});
