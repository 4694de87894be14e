import type { Page } from '@playwright/test';
import { formatTrataTimestamp } from '../contract';
import { createConversation } from './support/demo-api';
import { expect as baseExpect, test } from './support/console-guard';

// Patient on a busy machine: every wait is on a condition, never a fixed sleep.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 150_000 });
import { prepareRunDataDir, removeRunDataDir } from './support/e2e-data';
import { freePort } from './support/free-port';
import { startServerProcess, type RunningProcess } from './support/processes';

const rowLinks = (page: Page) => page.locator('tbody a[data-row-link]');
const focusedHref = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);

test.describe('back to the list', () => {
  for (const way of ['the All calls link', 'the browser’s Back'] as const) {
    test(`${way} restores the list URL, the scroll and the row’s focus`, async ({ page }) => {
      await page.goto('/?sort_by=duration');
      const row = rowLinks(page).nth(19);
      await row.focus();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      const scrollY = await page.evaluate(() => window.scrollY);
      const href = await row.getAttribute('href');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${href!.replace(/\./g, '\\.')}$`));
      await expect(page.getByRole('link', { name: 'All calls', exact: true })).toBeVisible();

      if (way === 'the All calls link')
        await page.getByRole('link', { name: 'All calls', exact: true }).click();
      else await page.goBack();

      await expect(page).toHaveURL(/\/\?sort_by=duration$/);
      await expect.poll(() => focusedHref(page)).toBe(href);
      await expect
        .poll(() => page.evaluate(() => window.scrollY))
        .toBeGreaterThanOrEqual(scrollY - 2);
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollY)).toBeLessThan(3);
    });
  }
});

test.describe('the list refreshes by itself', () => {
  // Its own server and database: the calls added here change no other spec's counts.
  const token = 'e2e-list-refresh-token';
  let server: RunningProcess;
  let appUrl: string;
  let apiOrigin: string;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = prepareRunDataDir({ name: 'list-refresh', conversations: 40 });
    const [appPort, apiPort] = [await freePort(), await freePort()];
    appUrl = `http://127.0.0.1:${appPort}`;
    apiOrigin = `http://127.0.0.1:${apiPort}`;
    server = await startServerProcess(
      'server/main.ts',
      {
        PORT: String(appPort),
        DEMO_API_PORT: String(apiPort),
        DEMO_API_TOKEN: token,
        DATA_DIR: dataDir,
        // The list reads the index: a call added upstream reaches it within a second.
        SYNC_INTERVAL_S: '1',
      },
      `${appUrl}/healthz`,
    );
  });
  test.afterAll(async () => {
    await server?.stop();
    if (dataDir) removeRunDataDir(dataDir);
  });

  const addCall = (name: string) =>
    createConversation(
      { apiOrigin, apiToken: token },
      {
        id: 'con.e2e-refresh',
        // In the future, so it is the newest call whatever the demo data holds.
        timestampStart: formatTrataTimestamp(Date.now() + 24 * 3600_000),
        status: 'active',
        conversationAnalytics: { name_of_caller: name },
      },
    );

  test('on coming back to the tab: new calls wait behind an announced button', async ({ page }) => {
    await page.goto(`${appUrl}/`);
    await expect(rowLinks(page)).toHaveCount(25);
    const before = await rowLinks(page).first().getAttribute('href');
    const indexedBefore = await indexedCount(appUrl);
    const id = await addCall('Refresh Focus');
    await expect.poll(() => indexedCount(appUrl), { timeout: 30_000 }).toBe(indexedBefore + 1);
    // The tab was hidden and is visible again.
    await page.evaluate(() =>
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true })),
    );
    const notice = page.getByRole('button', { name: '1 new call' });
    await expect(notice).toBeVisible();
    await expect(page.locator('[aria-live="polite"]').filter({ has: notice })).toHaveCount(1);
    expect(await rowLinks(page).first().getAttribute('href')).toBe(before);
    await notice.click();
    await expect(rowLinks(page).first()).toHaveAttribute(
      'href',
      `/calls/${encodeURIComponent(id)}`,
    );
    await expect(notice).toHaveCount(0);
  });

  test('while the tab stays visible, at an interval', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`${appUrl}/`);
    await expect(rowLinks(page)).toHaveCount(25);
    await addCall('Refresh Interval');
    await expect(page.getByRole('button', { name: '1 new call' })).toBeVisible({
      timeout: 45_000,
    });
  });
});

/**
 * How many calls the app server's index holds. Read from the sync status, which (unlike the list)
 * does not count as someone using the app, so asking does not hold the sync back.
 */
async function indexedCount(appUrl: string): Promise<number> {
  const response = await fetch(`${appUrl}/api/sync`);
  return ((await response.json()) as { indexed: number }).indexed;
}
