import path from 'node:path';
import { expect, test } from './support/console-guard';
import { startServerProcess, type RunningProcess } from './support/processes';

// An app server of its own, in upstream mode, in front of a demo API process the test can stop.
const appPort = 18_470;
const apiPort = 18_471;
const token = 'e2e-upstream-token';
const apiEnv = {
  DEMO_API_PORT: String(apiPort),
  DEMO_API_TOKEN: token,
  DATA_DIR: path.resolve('data/e2e-upstream'),
  DEMO_CONVERSATIONS: '300',
};
let api: RunningProcess | undefined;
let app: RunningProcess | undefined;

test.use({ baseURL: `http://127.0.0.1:${appPort}`, allowedConsoleErrors: [/status of 50[24]/] });

test.beforeAll(async () => {
  api = await startServerProcess(
    'server/api/main.ts',
    apiEnv,
    `http://127.0.0.1:${apiPort}/v1/conversations`,
  );
  app = await startServerProcess(
    'server/main.ts',
    {
      PORT: String(appPort),
      TRATA_API_URL: `http://127.0.0.1:${apiPort}`,
      TRATA_API_TOKEN: token,
      DATA_DIR: path.resolve('data/e2e-upstream-app'),
      UPSTREAM_TIMEOUT_MS: '3000',
    },
    `http://127.0.0.1:${appPort}/healthz`,
  );
});

test.afterAll(async () => {
  await app?.stop();
  await api?.stop();
});

test('shows the error with a retry when the upstream stops, keeps the rows, and recovers', async ({
  page,
}) => {
  await page.goto('/');
  const rows = page.locator('tbody a[data-row-link]');
  await expect(rows).toHaveCount(25);
  const firstPage = await rows.first().getAttribute('href');

  await api!.stop();
  // A new sort, not the prefetched next page, so the app must ask the (stopped) upstream.
  await page.getByRole('button', { name: /^Duration/ }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be reached');
  await expect(rows.first()).toHaveAttribute('href', firstPage!);

  api = await startServerProcess(
    'server/api/main.ts',
    apiEnv,
    `http://127.0.0.1:${apiPort}/v1/conversations`,
  );
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).not.toHaveAttribute('href', firstPage!);
});
