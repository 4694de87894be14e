import type { Page } from '@playwright/test';
import { expect, test } from './support/console-guard';
import type { FaultMode } from './support/fault-proxy';
import { startUpstreamStack, type UpstreamStack } from './support/upstream-stack';

// The app server runs in upstream mode in front of the fault proxy, which sits in front of a demo
// API process: every fault below crosses a real socket, and the app server itself stays up.
let stack: UpstreamStack;

test.use({ allowedConsoleErrors: [/status of (401|500|502|504)/] });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startUpstreamStack({ name: 'list-faults', upstreamTimeoutMs: 1_500 });
});

test.afterAll(async () => {
  await stack?.stop();
});

test.beforeEach(async () => {
  await stack.proxy.setMode('pass');
  await stack.startApi();
});

const rows = (page: Page) => page.locator('tbody a[data-row-link]');

/** Loads the first page while the upstream behaves, and returns the first row's link. */
async function openList(page: Page): Promise<string> {
  await page.goto(`${stack.appUrl}/`);
  await expect(rows(page)).toHaveCount(25);
  return (await rows(page).first().getAttribute('href'))!;
}

/** A new sort, not the prefetched next page, so the app must ask the upstream again. */
async function sortByDuration(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Duration/ }).click();
  await expect(page).toHaveURL(/sort_by=duration/);
}

// Retries with backoff come first, so the message takes a few seconds to show.
const SHOWN_WITHIN = { timeout: 30_000 };

const retryableFaults: { mode: FaultMode; message: RegExp }[] = [
  { mode: 'refused', message: /Trata API could not be reached \(ECONNREFUSED\)/ },
  { mode: 'reset', message: /Trata API could not be reached/ },
  { mode: 'error-500', message: /internal error \(500\)/ },
  { mode: 'slow', message: /did not answer within 1\.5 s/ },
  { mode: 'invalid-json', message: /not valid JSON/ },
];

for (const { mode, message } of retryableFaults) {
  test(`upstream ${mode}: says why, keeps the rows, and recovers with Retry`, async ({ page }) => {
    test.setTimeout(90_000);
    const firstRow = await openList(page);

    await stack.proxy.setMode(mode);
    await sortByDuration(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message, SHOWN_WITHIN);
    await expect(rows(page)).toHaveCount(25);
    await expect(rows(page).first()).toHaveAttribute('href', firstRow);
    // Nothing is loading any more; the rows are the last ones that arrived, marked as such.
    await expect(page.locator('table')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('table caption')).toHaveText('Calls, out of date');

    await stack.proxy.setMode('pass');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(rows(page)).toHaveCount(25);
    await expect(rows(page).first()).not.toHaveAttribute('href', firstRow);
    await expect(page.locator('table caption')).toHaveText('Calls, up to date');
  });
}

test('upstream process stopped: says it cannot be reached, keeps the rows, and recovers', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const firstRow = await openList(page);

  await stack.stopApi();
  await sortByDuration(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be reached', SHOWN_WITHIN);
  await expect(rows(page).first()).toHaveAttribute('href', firstRow);

  await stack.startApi();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(25);
  await expect(rows(page).first()).not.toHaveAttribute('href', firstRow);
});

test('upstream 401 (a wrong token): says the app is not signed in, keeps the rows', async ({
  page,
}) => {
  const firstRow = await openList(page);

  await stack.proxy.setMode('unauthorized');
  await sortByDuration(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not signed in to the API');
  // A refused token does not fix itself, so there is nothing to retry.
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(rows(page).first()).toHaveAttribute('href', firstRow);

  await stack.proxy.setMode('pass');
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(25);
});

test('items that violate the schema become rows that say what is wrong', async ({ page }) => {
  await openList(page);

  await stack.proxy.setMode('schema-violation');
  await sortByDuration(page);
  const broken = page.locator('tbody tr', { hasText: 'This call could not be read' });
  await expect(broken).toHaveCount(2);
  await expect(broken.first()).toContainText('timestampStart');
  await expect(broken.first()).toContainText('conversationAnalytics');
  await expect(rows(page)).toHaveCount(23);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('1–25 of 300');
});
