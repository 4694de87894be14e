import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/console-guard';
import type { FaultMode } from './support/fault-proxy';
import { waitForIndex } from './support/index-ready';
import { startUpstreamStack, type UpstreamStack } from './support/upstream-stack';

// The app server runs in upstream mode in front of the fault proxy, which sits in front of a demo
// API process: every fault below crosses a real socket, and stopping the upstream stops that
// process. The list is served from the app server's own call index, so none of it reaches the
// list: it keeps sorting, filtering, searching and paging.
let stack: UpstreamStack;

test.use({ allowedConsoleErrors: [/status of (401|500|502|504)/] });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startUpstreamStack({ name: 'list-faults', upstreamTimeoutMs: 1_500 });
  await waitForIndex(stack.appUrl);
});

test.afterAll(async () => {
  await stack?.stop();
});

test.beforeEach(async () => {
  await stack.proxy.setMode('pass');
  await stack.startApi();
});

const rows = (page: Page) => page.locator('tbody a[data-row-link]');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((links) =>
    links.map((link) => decodeURIComponent((link.getAttribute('href') ?? '').slice(7))),
  );
const menu = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Filters' }).getByRole('button', { name, exact: true });
/** The list itself; a status line elsewhere on the page may report the upstream's trouble. */
const listRegion = (page: Page) => page.getByRole('region', { name: 'Calls' });

/** What the index answers for the filters in the page's URL, with the list's defaults. */
async function indexIds(request: APIRequestContext, page: Page): Promise<string[]> {
  const query = new URL(page.url()).searchParams;
  if (!query.has('sort_by')) query.set('sort_by', 'timestampStart');
  if (!query.has('sort_order')) query.set('sort_order', 'desc');
  query.set('skip', query.get('skip') ?? '0');
  query.set('limit', query.get('limit') ?? '25');
  const response = await request.get(`${stack.appUrl}/api/calls?${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
}

async function expectRowsFromIndex(page: Page, request: APIRequestContext) {
  await expect
    .poll(async () => {
      const expected = await indexIds(request, page);
      const shown = await rowIds(page);
      return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(expected);
    })
    .toBe(true);
  await expect(listRegion(page).getByRole('alert')).toHaveCount(0);
  await expect(page.locator('table caption')).toHaveText('Calls, up to date');
}

async function filterNegative(page: Page) {
  await menu(page, 'Sentiment').click();
  await page.getByRole('checkbox', { name: /^Negative, / }).check();
  await expect(page).toHaveURL(/sentiment=negative/);
  await page.keyboard.press('Escape');
}

const faults: FaultMode[] = [
  'refused',
  'reset',
  'error-500',
  'slow',
  'invalid-json',
  'unauthorized',
  'schema-violation',
];

for (const mode of faults) {
  test(`upstream ${mode}: the list still sorts and filters from the index`, async ({
    page,
    request,
  }) => {
    await page.goto(`${stack.appUrl}/`);
    await expect(rows(page)).toHaveCount(25);
    await stack.proxy.setMode(mode);

    await page.getByRole('button', { name: /^Duration/ }).click();
    await expect(page).toHaveURL(/sort_by=duration/);
    await expectRowsFromIndex(page, request);
    await filterNegative(page);
    await expectRowsFromIndex(page, request);
  });
}

test('upstream process stopped: the list, its filters, search and paging work from the index', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${stack.appUrl}/`);
  await expect(rows(page)).toHaveCount(25);

  await stack.stopApi();
  // Really gone: the app server's own forward to it now fails.
  const forwarded = await request.get(`${stack.appUrl}/v1/conversations?limit=1`);
  expect(forwarded.status()).toBeGreaterThanOrEqual(500);

  await filterNegative(page);
  await expectRowsFromIndex(page, request);

  await menu(page, 'Date').click();
  await page.getByRole('radio', { name: 'Last 30 days' }).check();
  await expect(page).toHaveURL(/from=/);
  await page.keyboard.press('Escape');

  await menu(page, 'Consent').click();
  await page.getByRole('radio', { name: /^Given, / }).check();
  await expect(page).toHaveURL(/consent=given/);
  await page.keyboard.press('Escape');
  await expectRowsFromIndex(page, request);

  await page.getByRole('button', { name: /^Duration/ }).click();
  await expect(page).toHaveURL(/sort_by=duration/);
  await expectRowsFromIndex(page, request);

  // Back to every call, searched for a word of the first caller's summary, and paged.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expectRowsFromIndex(page, request);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/skip=25/);
  await expectRowsFromIndex(page, request);
  const summary = await rows(page)
    .first()
    .locator('xpath=ancestor::tr')
    .locator('[title]')
    .first()
    .getAttribute('title');
  const word = summary!.match(/[A-Za-z]{5,}/)![0];
  await page.getByRole('searchbox', { name: 'Search calls' }).fill(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expectRowsFromIndex(page, request);

  // A reload while the upstream is still down shows the same view.
  const shown = await rowIds(page);
  await page.reload();
  await expect.poll(() => rowIds(page)).toEqual(shown);
});
