import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, test } from './support/console-guard';

/** Every id `/api/calls` lists for `query`, page by page, in order. */
async function allIds(request: APIRequestContext, query: URLSearchParams) {
  const ids: string[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = new URLSearchParams(query);
    page.set('skip', String(skip));
    page.set('limit', '100');
    const response = await request.get(`/api/calls?${page}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { items: { id: string }[]; total: number };
    ids.push(...body.items.map((item) => item.id));
    if (ids.length >= body.total) return { ids, total: body.total };
  }
}

test('Export CSV downloads every call the filters match, in the list’s order', async ({
  page,
  request,
}) => {
  // Several page loads of /api/calls, the download and an axe pass: more than one test's time.
  test.slow();
  await page.goto('/');
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();

  await page
    .getByRole('group', { name: 'Filters' })
    .getByRole('button', { name: 'Sentiment', exact: true })
    .click();
  await page.getByRole('checkbox', { name: /^Negative, / }).check();
  await expect(page).toHaveURL(/sentiment=negative/);
  await page.keyboard.press('Escape');

  const query = new URL(page.url()).searchParams;
  query.set('sort_by', query.get('sort_by') ?? 'timestampStart');
  query.set('sort_order', query.get('sort_order') ?? 'desc');
  const expected = await allIds(request, query);
  // More than one page, so the file is more than what the list shows.
  expect(expected.total).toBeGreaterThan(25);
  await expect(page.getByText(`${expected.total.toLocaleString('en-US')} calls`)).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^callscope-calls_negative_\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    `Exported ${expected.total.toLocaleString('en-US')} rows.`,
  );

  const file = await readFile((await download.path())!);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [headings, ...rows] = parse(file, { bom: true }) as string[][];
  expect(headings![0]).toBe('Call id');
  expect(headings!.at(-1)).toBe('Link');
  expect(rows).toHaveLength(expected.total);
  expect(rows.map((row) => row[0])).toEqual(expected.ids);
  const sentimentAt = headings!.indexOf('Sentiment');
  expect(new Set(rows.map((row) => row[sentimentAt]))).toEqual(new Set(['negative']));
  expect(rows[0]!.at(-1)).toBe(
    new URL(`/calls/${encodeURIComponent(expected.ids[0]!)}`, page.url()).href,
  );

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
});
