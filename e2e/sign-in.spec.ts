import { hashPassword } from '../server/security/password-hash';
import { expect, test } from './support/console-guard';
import { prepareRunDataDir, removeRunDataDir } from './support/e2e-data';
import { freePort } from './support/free-port';
import { startServerProcess, type RunningProcess } from './support/processes';

/**
 * The dashboard served beyond loopback, with password sign-in, in a real browser: the page's
 * own form posts, cookies and redirects, which server-side tests cannot exercise.
 */
const PASSWORD = 'correct horse battery staple';
let app: RunningProcess | undefined;
let appUrl = '';
let dataDir = '';

test.use({ allowedConsoleErrors: [/status of 401/] });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const [appPort, apiPort] = [await freePort(), await freePort()];
  appUrl = `http://127.0.0.1:${appPort}`;
  dataDir = prepareRunDataDir({ name: 'sign-in', conversations: 120 });
  app = await startServerProcess(
    'server/main.ts',
    {
      HOST: '0.0.0.0',
      PORT: String(appPort),
      DEMO_API_PORT: String(apiPort),
      DATA_DIR: dataDir,
      DEMO_CONVERSATIONS: '120',
      DASHBOARD_USERS: `dana:${await hashPassword(PASSWORD)}`,
      SESSION_SECRET: 'e2e-session-secret-that-is-long-enough-0123',
    },
    `${appUrl}/healthz`,
  );
});

test.afterAll(async () => {
  await app?.stop();
  if (dataDir) removeRunDataDir(dataDir);
});

test('signs in with the form, shows who is signed in, and signs out', async ({ page }) => {
  expect((await page.request.get(`${appUrl}/v1/conversations?limit=1`)).status()).toBe(401);

  await page.goto(`${appUrl}/?status=archived`);
  await expect(page.getByRole('heading', { name: 'Callscope' })).toBeVisible();
  await page.getByLabel('User name').fill('dana');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where the visit began, with the list's state intact.
  await expect(page).toHaveURL(`${appUrl}/?status=archived`);
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
  await expect(page.getByText('Signed in as')).toContainText('dana');
  const cookie = (await page.context().cookies()).find((c) => c.httpOnly);
  expect(cookie?.sameSite).toBe('Strict');
  expect((await page.request.get(`${appUrl}/v1/conversations?limit=1`)).status()).toBe(200);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect((await page.request.get(`${appUrl}/v1/conversations?limit=1`)).status()).toBe(401);
});

test('a signed-in reviewer rates as themselves, whatever name the browser keeps', async ({
  page,
}) => {
  // A name typed earlier on loopback, or planted: with sign-in the server ignores it.
  await page.addInitScript(() => window.localStorage.setItem('callscope.reviewer-name', 'Mallory'));
  await page.goto(`${appUrl}/`);
  await page.getByLabel('User name').fill('dana');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('tbody a[data-row-link]').first().click();
  const review = page.getByRole('region', { name: 'Review', exact: true });
  await expect(review.getByText('Reviewing as')).toContainText('dana');
  await page.locator('h1').click();
  await page.keyboard.press('4');
  // No name is asked for: the signed-in user is the reviewer.
  await expect(review.getByRole('radio', { name: '4 of 5' })).toBeChecked();
  await page.reload();
  const everyone = review.getByRole('list', { name: 'Reviews' });
  await expect(everyone).toContainText('dana (you)');
  await expect(everyone).toContainText('4 of 5');
  await expect(everyone).not.toContainText('Mallory');
  await expect(page.getByRole('dialog', { name: 'Who is reviewing?' })).toBeHidden();
});
