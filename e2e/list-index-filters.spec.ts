import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/console-guard';

/** The ids the table shows, in order. */
const rowIds = (page: Page) =>
  page
    .locator('tbody a[data-row-link]')
    .evaluateAll((links) =>
      links.map((link) => decodeURIComponent((link.getAttribute('href') ?? '').slice(7))),
    );

/** What `GET /api/calls` answers for the filters the page's URL holds, with the list's defaults. */
async function indexAnswer(request: APIRequestContext, page: Page) {
  const query = new URL(page.url()).searchParams;
  for (const [name, value] of Object.entries({
    sort_by: 'timestampStart',
    sort_order: 'desc',
    skip: '0',
    limit: '25',
  })) {
    if (!query.has(name)) query.set(name, value);
  }
  const response = await request.get(`/api/calls?${query}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: { id: string }[]; total: number };
  return { ids: body.items.map((item) => item.id), total: body.total };
}

async function expectRowsMatchIndex(page: Page, request: APIRequestContext) {
  let expected = await indexAnswer(request, page);
  await expect
    .poll(async () => {
      expected = await indexAnswer(request, page);
      return rowIds(page);
    })
    .toEqual(expected.ids);
  return expected;
}

const chips = (page: Page) => page.getByRole('list', { name: 'Active filters' });
/** A filter menu's button, by its text (the column headers sort, and share some names). */
const menu = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Filters' }).getByRole('button', { name, exact: true });

test('negative + last 7 days + an agent + a text search combine, and rows equal the index’s answer', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();

  await menu(page, 'Sentiment').click();
  await page.getByRole('checkbox', { name: /^Negative, / }).check();
  await expect(page).toHaveURL(/sentiment=negative/);
  await page.keyboard.press('Escape');

  await menu(page, 'Date').click();
  await page.getByRole('radio', { name: 'Last 7 days' }).check();
  await expect(page).toHaveURL(/from=.*&to=/);
  await expect(menu(page, 'Date: Last 7 days')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('radio', { name: 'Last 7 days' })).toHaveCount(0);

  // The busiest agent under the other filters comes first, with its count in words.
  await menu(page, 'Agent').click();
  const agent = page.getByRole('group', { name: 'Agent filter' }).getByRole('checkbox').first();
  const agentName = (await agent.getAttribute('aria-label'))!.split(',')[0]!;
  await agent.check();
  await expect(page).toHaveURL(/agent=/);
  await page.keyboard.press('Escape');
  await expect(menu(page, `Agent: ${agentName}`)).toBeFocused();

  // A word from a call these filters already show, so the search narrows and does not empty.
  await expectRowsMatchIndex(page, request);
  const summary = await page
    .locator('tbody tr')
    .first()
    .locator('[title]')
    .first()
    .getAttribute('title');
  const word = summary!.match(/[A-Za-z]{5,}/)![0];
  await page.getByRole('searchbox', { name: 'Search calls' }).fill(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));

  const url = new URL(page.url()).searchParams;
  expect(url.getAll('sentiment')).toEqual(['negative']);
  expect(url.getAll('agent')).toHaveLength(1);
  expect(url.get('from')).not.toBeNull();
  const answer = await expectRowsMatchIndex(page, request);
  expect(answer.ids.length).toBeGreaterThan(0);
  await expect(
    page.getByText(`${answer.total} call${answer.total === 1 ? '' : 's'}`, { exact: true }),
  ).toBeVisible();
  await expect(chips(page)).toContainText('Sentiment: Negative');
  await expect(chips(page)).toContainText('Date: Last 7 days');
  await expect(chips(page)).toContainText(`Agent: ${agentName}`);
  await expect(chips(page)).toContainText(`Search: ${word}`);

  // The URL alone reproduces the view.
  const before = page.url();
  const shown = await rowIds(page);
  await page.reload();
  await expect.poll(() => rowIds(page)).toEqual(shown);
  expect(page.url()).toBe(before);
  await expect(page.getByRole('searchbox', { name: 'Search calls' })).toHaveValue(word);
  await expect(chips(page)).toContainText(`Agent: ${agentName}`);

  // Removing one chip, from the keyboard, removes just that filter.
  await chips(page).getByRole('button', { name: 'Remove filter Sentiment: Negative' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/sentiment=/);
  await expect(page).toHaveURL(/agent=/);
  await expect(chips(page)).not.toContainText('Sentiment: Negative');
  // The focus moves on to the next chip rather than being lost.
  await expect(chips(page).getByRole('button', { name: /^Remove filter Agent: / })).toBeFocused();
  await expectRowsMatchIndex(page, request);
});

test('bad filter values in a link are dropped, and the list still shows', async ({ page }) => {
  await page.goto(
    '/?sentiment=furious&sentiment=negative&from=last-tuesday&agent=%01&consent=maybe',
  );
  await expect(page).toHaveURL(/\?sentiment=negative$/);
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
  await expect(chips(page)).toHaveText(/Sentiment: Negative/);
});

test('an older sentiment link still works, as the facet it means', async ({ page, request }) => {
  await page.goto('/?search_by=sentiment_of_caller&search_value=negative');
  await expect(page).toHaveURL(/\?sentiment=negative$/);
  await expectRowsMatchIndex(page, request);
  await expect(menu(page, 'Sentiment: Negative')).toBeVisible();
});

test.describe('accessibility', () => {
  // axe-core sets inline styles while it measures contrast; the page's own CSP rightly blocks them.
  test.use({ allowedConsoleErrors: [/Applying inline style violates/] });

  test('the filters, their open menus and the chips have no axe violations', async ({ page }) => {
    // axe is slow on a busy machine, and it runs five times here.
    test.setTimeout(240_000);
    const violations = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    await page.goto('/?sentiment=negative&consent=missing&q=order&limit=10');
    await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
    expect(await violations()).toEqual([]);
    for (const name of ['Date', 'Sentiment: Negative', 'Agent', 'Consent: Missing']) {
      await menu(page, name).click();
      await expect(menu(page, name)).toHaveAttribute('aria-expanded', 'true');
      expect(await violations(), name).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(menu(page, name)).toBeFocused();
    }
  });
});
