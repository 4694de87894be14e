import type { Page } from '@playwright/test';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { createConversation, getConversation } from './support/demo-api';
import { expect, test } from './support/own-server';
import { E2E_STORAGE_ORIGIN } from './support/e2e-env';
import { HOSTILE_FILES, startHostileStorage, XSS_TITLE } from './support/hostile-storage';

/**
 * Stored XSS through the recording route: a conversation's recording URL points at a page or a
 * script on a storage host the server trusts. Whether opened directly or loaded as a script
 * from the dashboard's own origin, nothing of it may run.
 */
let storage: { close(): Promise<void> } | undefined;
const ids = new Map<string, string>();

let appUrl = '';

// On a server of its own: the hostile calls stay out of every other test's lists.
test.beforeAll(async ({ ownServer }) => {
  appUrl = ownServer.appUrl;
  storage = await startHostileStorage();
  const seed = await getConversation(SEED_EXAMPLE_ID, ownServer);
  // Scripts first: the pages pull the script "recording" in through the dashboard's origin.
  const files = Object.keys(HOSTILE_FILES).sort(
    (a, b) => Number(b.endsWith('.js')) - Number(a.endsWith('.js')),
  );
  for (const file of files) {
    const query = file.endsWith('.js')
      ? ''
      : `?script=${encodeURIComponent(recordingPath('/script.js'))}`;
    ids.set(
      file,
      await createConversation(ownServer, {
        ...seed,
        id: `con.e2e.xss${file.replace(/\W/g, '')}`,
        transcriptRecordingUrl: `${E2E_STORAGE_ORIGIN}${file}${query}`,
      }),
    );
  }
});

test.afterAll(async () => {
  await storage?.close();
});

// Refused files answer 502, and the browser reports each script and load the policy blocked.
// (One pattern: Playwright would take a two-element array for a fixture tuple.)
test.use({
  allowedConsoleErrors: [
    /status of 502|Refused to execute script|Blocked script execution|violates the following Content Security Policy/,
  ],
});

const recordingPath = (file: string) =>
  `${appUrl}/api/conversations/${encodeURIComponent(ids.get(file)!)}/recording`;

function failOnDialog(page: Page) {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened ("${dialog.message()}"): the recording's script ran`);
  });
}

for (const file of ['/page.html', '/polyglot.mp3']) {
  test(`opening the recording of ${file} directly runs nothing`, async ({ page }) => {
    failOnDialog(page);
    const response = await page.goto(recordingPath(file));
    const type = response!.headers()['content-type'] ?? '';
    expect(type, 'never served as a page').not.toMatch(/html|javascript/);
    expect(response!.headers()['content-security-policy']).toContain('sandbox');
    if (file === '/page.html') expect(response!.status()).toBe(502);
    await expect(page).not.toHaveTitle(XSS_TITLE);
    expect(await page.evaluate(() => '__recordingXss' in window)).toBe(false);
    expect(await page.content()).not.toContain('<script>document.title');
  });
}

test('loading recordings as scripts from the dashboard runs none of them', async ({ page }) => {
  failOnDialog(page);
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('heading', { name: 'Calls' })).toBeVisible();
  for (const file of ['/script.js', '/polyglot-script.mp3', '/page.html']) {
    const outcome = await page.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = src;
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('refused');
          document.head.append(script);
        }),
      recordingPath(file),
    );
    expect(outcome, file).toBe('refused');
  }
  expect(await page.evaluate(() => '__recordingXss' in window)).toBe(false);
  await expect(page).not.toHaveTitle(XSS_TITLE);
});
