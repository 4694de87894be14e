import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/console-guard';

/** The ids the table shows, in order. */
async function rowIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('tbody a[data-row-link]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => decodeURIComponent(href.replace('/calls/', '')));
}

/** What the list's API (the call index) returns for the same parameters. */
async function apiIds(
  request: APIRequestContext,
  query: Record<string, string>,
): Promise<{ ids: string[]; total: number }> {
  const params = new URLSearchParams({
    sort_by: 'timestampStart',
    sort_order: 'desc',
    skip: '0',
    limit: '25',
    ...query,
  });
  const response = await request.get(`/api/calls?${params}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: { id: string }[]; total: number };
  return { ids: body.items.map((item) => item.id), total: body.total };
}

async function expectRows(page: Page, request: APIRequestContext, query: Record<string, string>) {
  const expected = await apiIds(request, query);
  await expect.poll(() => rowIds(page)).toEqual(expected.ids);
  return expected;
}

test('filters, sorts and pages through the UI, matching what the API returns', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const first = await expectRows(page, request, {});
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText(
    `1–25 of ${first.total.toLocaleString('en-US')}`,
  );

  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/skip=25/);
  await expectRows(page, request, { skip: '25' });

  await page.getByRole('button', { name: /^Duration/ }).click();
  await expect(page).toHaveURL(/sort_by=duration/);
  await expect(page).not.toHaveURL(/skip=/);
  await expectRows(page, request, { sort_by: 'duration', sort_order: 'desc' });

  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('archived');
  await expect(page).toHaveURL(/status=archived/);
  await expectRows(page, request, { sort_by: 'duration', sort_order: 'desc', status: 'archived' });

  await page
    .getByRole('group', { name: 'Filters' })
    .getByRole('button', { name: 'Sentiment', exact: true })
    .click();
  await page.getByRole('checkbox', { name: /^Negative, [\d,]+ calls?$/ }).check();
  await expect(page).toHaveURL(/sentiment=negative/);
  await expectRows(page, request, {
    sort_by: 'duration',
    sort_order: 'desc',
    status: 'archived',
    sentiment: 'negative',
  });
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(
    'Sentiment: Negative',
  );

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expectRows(page, request, { sort_by: 'duration', sort_order: 'desc' });

  await page.getByLabel('Search calls').fill('spicy');
  await expect(page).toHaveURL(/q=spicy/);
  await expectRows(page, request, { sort_by: 'duration', sort_order: 'desc', q: 'spicy' });

  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
  await expectRows(page, request, {
    sort_by: 'duration',
    sort_order: 'desc',
    q: 'spicy',
    limit: '10',
  });
});

test('opens the view a URL describes, and Back and Forward restore each state', async ({
  page,
  request,
}) => {
  await page.goto('/?status=active&sort_by=name_of_caller&sort_order=asc&limit=10&skip=10');
  await expectRows(page, request, {
    status: 'active',
    sort_by: 'name_of_caller',
    sort_order: 'asc',
    limit: '10',
    skip: '10',
  });
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('active');
  await expect(page.getByRole('columnheader', { name: /Caller/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  await page.getByRole('button', { name: 'Next →' }).click();
  await expectRows(page, request, {
    status: 'active',
    sort_by: 'name_of_caller',
    sort_order: 'asc',
    limit: '10',
    skip: '20',
  });
  await page.goBack();
  await expectRows(page, request, {
    status: 'active',
    sort_by: 'name_of_caller',
    sort_order: 'asc',
    limit: '10',
    skip: '10',
  });
  await page.goForward();
  await expectRows(page, request, {
    status: 'active',
    sort_by: 'name_of_caller',
    sort_order: 'asc',
    limit: '10',
    skip: '20',
  });
});

test('recovers from invalid params by falling back to defaults and replacing the URL', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.goto('/?limit=7&sort_by=DROP%20TABLE&skip=-4&sort_order=up&search_by=transcript');
  await expect(page).toHaveURL(/\/$/);
  await expectRows(page, request, {});
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
});

test('shows the empty state and clears the filters from it', async ({ page, request }) => {
  await page.goto('/?search_by=transcript&search_value=zzqqxxnothing');
  await expect(page.getByRole('heading', { name: 'No calls match' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expectRows(page, request, {});
});

test('moves between rows from the keyboard and opens a call with Enter', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const { ids } = await expectRows(page, request, {});
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect(page.locator('tbody a[data-row-link]').nth(1)).toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search calls')).toBeFocused();
  await page.locator('tbody a[data-row-link]').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/calls/${ids[1]!.replaceAll('.', '\\.')}`));
  await page.goBack();
  await expectRows(page, request, {});
});

test('shows the full summary on hover', async ({ page }) => {
  await page.goto('/');
  const summary = page.locator('tbody tr').first().locator('span.truncate[title]');
  const full = await summary.getAttribute('title');
  expect(full?.length).toBeGreaterThan(0);
  await expect(summary).toHaveText(full!);
});
