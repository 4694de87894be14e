import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  EMPTY_TRANSCRIPT_EXAMPLE_ID,
  NO_RECORDING_EXAMPLE_ID,
  SEED_EXAMPLE_ID,
  XSS_EXAMPLE_ID,
  XSS_PAYLOAD,
} from '../server/demo-data/special-calls';
import { startDamagedStorage } from './support/damaged-storage';
import { createConversation, getConversation } from './support/demo-api';
import { E2E_STORAGE_ORIGIN } from './support/e2e-env';
// Calls these tests add go to a server of their own, where no other test's list or counts see them.
import { expect, test, type OwnServer } from './support/own-server';

/** Degraded calls, the analytics panel, moving between calls, and accessibility. */
const seedUrl = `/calls/${SEED_EXAMPLE_ID}`;
const transcript = (page: Page) => page.getByRole('list', { name: 'Transcript' });
const playButton = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

test('a script in a name or a message is shown as text and never runs', async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a dialog opened: injected script ran');
  });
  await page.goto(`/calls/${XSS_EXAMPLE_ID}`);
  await expect(page.getByRole('heading', { level: 1, name: XSS_PAYLOAD })).toBeVisible();
  await expect(transcript(page)).toContainText(XSS_PAYLOAD);
  await page.getByRole('searchbox', { name: 'Search this call' }).fill('<img');
  await expect(page.locator('mark').first()).toHaveText('<img');
  await expect(page.locator('main img')).toHaveCount(0);
});

test('without a recording the transcript stays readable and searchable', async ({ page }) => {
  await page.goto(`/calls/${NO_RECORDING_EXAMPLE_ID}`);
  await expect(page.getByText('This call has no recording.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recording' })).toHaveCount(0);
  const bubbles = transcript(page).getByRole('listitem');
  await expect.poll(() => bubbles.count()).toBeGreaterThan(1);
  // No dead buttons: with nothing to play, times and text are plain text.
  await expect(transcript(page).getByRole('button')).toHaveCount(0);
  const word = ((await bubbles.first().locator('p').textContent()) ?? '').match(/[A-Za-z]{5,}/)![0];
  await page.getByRole('searchbox', { name: 'Search this call' }).fill(word);
  await expect(page.locator('mark').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('when the audio fails', () => {
  // The recording and its peaks fail on purpose: 404 for the missing file, 502 for the damaged.
  test.use({ allowedConsoleErrors: [/status of (404|502)/] });
  let storage: { close(): Promise<void> } | undefined;
  test.beforeAll(async () => {
    storage = await startDamagedStorage();
  });
  test.afterAll(async () => {
    await storage?.close();
  });

  /** The seed's call again, under a new id, with its recording somewhere else. */
  async function seedCallWithRecordingAt(server: OwnServer, url: string): Promise<string> {
    const seed = await getConversation(SEED_EXAMPLE_ID, server);
    return createConversation(server, {
      ...seed,
      id: 'con.e2e.audio',
      transcriptRecordingUrl: url,
    });
  }

  test('a missing file says why, and the transcript stays', async ({ page, ownServer }) => {
    // The demo storage host has no such file: a real 404 from the recording host.
    const url = `${ownServer.apiOrigin}/recordings/con.0.gone.mp3`;
    const id = await seedCallWithRecordingAt(ownServer, url);
    await page.goto(`${ownServer.appUrl}/calls/${id}`);
    await expect(page.getByText('The recording cannot be played.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(/the file is missing/)).toBeVisible();
    await expect(transcript(page).getByRole('listitem')).toHaveCount(17);
  });

  test('a file that is not audio says why, and the transcript stays', async ({
    page,
    ownServer,
  }) => {
    const url = `${E2E_STORAGE_ORIGIN}/recordings/damaged.mp3`;
    const id = await seedCallWithRecordingAt(ownServer, url);
    await page.goto(`${ownServer.appUrl}/calls/${id}`);
    await expect(page.getByText('The recording cannot be played.')).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole('searchbox', { name: 'Search this call' }).fill('wings');
    await expect(page.locator('mark').first()).toBeVisible();
  });
});

test('an empty transcript leaves the player and the panel working', async ({ page }) => {
  await page.goto(`/calls/${EMPTY_TRANSCRIPT_EXAMPLE_ID}`);
  await expect(page.getByText('This call has no transcript.')).toBeVisible();
  await expect(playButton(page)).toBeEnabled({ timeout: 30_000 });
  await playButton(page).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Call insights' })).toBeVisible();
});

test.describe('not found', () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test('an unknown call shows a not-found page with a way back', async ({ page }) => {
    await page.goto('/calls/con.0.doesnotexist');
    await expect(page.getByRole('heading', { name: 'Call not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to all calls' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Calls' })).toBeVisible();
  });
});

test('the panel shows the analytics, with evidence for each caller field', async ({ page }) => {
  await page.goto(seedUrl);
  const panel = page.getByRole('complementary', { name: 'Call insights' });
  await expect(page.getByRole('note', { name: 'No consent to record' })).toBeVisible();
  await expect(panel).toContainText('Service order placed');
  await expect(panel).toContainText('Positive');
  const item = panel.getByRole('checkbox', { name: /Send a confirmation text/ });
  // A tick is stored with who made it: the first one asks for a name.
  await item.click();
  const dialog = page.getByRole('dialog', { name: 'Who is reviewing?' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Dana QA');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(item).toBeChecked();
  await expect(panel).toContainText('1 of 2 done');
  await expect(panel).toContainText('Done by Dana QA');
  await page.reload();
  await expect(panel.getByRole('checkbox', { name: /Send a confirmation text/ })).toBeChecked();
  await expect(panel).toContainText('1 of 2 done');

  const caller = panel.getByRole('region', { name: 'Caller' });
  await expect(caller.getByText('Not found in the transcript', { exact: false })).toHaveCount(2);
  await expect(playButton(page)).toBeEnabled({ timeout: 30_000 });
  await caller
    .getByRole('button', { name: /Said at 1:44/ })
    .first()
    .click();
  await expect(page.locator('[data-bubble][aria-current="true"]')).toBeFocused();
  await expect(page.locator('[data-bubble][aria-current="true"]')).toContainText('96260');
});

test('missing fields read "—", never undefined or null', async ({ page, ownServer }) => {
  // A conversation with almost nothing in it, as the API may hold one.
  const id = await createConversation(ownServer, {
    id: 'con.e2e.sparse',
    timestampStart: '2026-01-01T10:00:00',
    transcriptText: null,
  });
  await page.goto(`${ownServer.appUrl}/calls/${id}`);
  await expect(page.getByRole('heading', { name: 'Unknown caller' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: 'Call insights' });
  await expect(panel.getByText('—').first()).toBeVisible();
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/undefined|null|NaN/);
  await expect(page.getByText('This call has no recording.')).toBeVisible();
});

test('j and k move through the list, across pages, and the way back keeps the list', async ({
  page,
}) => {
  await page.goto('/?limit=10&skip=10');
  const rows = page.locator('tbody a[data-row-link]');
  await expect(rows).toHaveCount(10);
  const ids = await rows.evaluateAll((links) =>
    links.map((link) => decodeURIComponent(link.getAttribute('href')!.split('/calls/')[1]!)),
  );
  await rows.nth(8).click();
  await expect(page).toHaveURL(new RegExp(`/calls/${ids[8]!.replace(/\./g, '\\.')}$`));
  // The list's own j/k move between rows: wait for the detail page before pressing them.
  await expect(page.getByRole('link', { name: /Next call/ })).toBeVisible();
  // No pause between presses: each acts where the one before it led, however slow the render.
  const settled = page.locator('[data-call-page][aria-busy="false"]');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await expect(settled).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${ids[9]!.replace(/\./g, '\\.')}$`));
  // The last call of the page: "next" comes from the next page, and so does the way back.
  const next = page.getByRole('link', { name: /Next call/ });
  await expect(next).toBeVisible();
  await next.click();
  // The URL changes before the new call renders: wait for its header, whose way back differs.
  await expect(page.getByRole('link', { name: /Previous call/ })).toHaveAttribute(
    'href',
    new RegExp(`${encodeURIComponent(ids[9]!).replace(/\./g, '\\.')}$`),
  );
  await page.getByRole('link', { name: 'All calls', exact: true }).click();
  await expect(page).toHaveURL(/\?.*skip=20/);
  await expect(page).toHaveURL(/limit=10/);
});

test.describe('accessibility', () => {
  // axe-core sets inline styles while it measures contrast; the page's own CSP rightly blocks them.
  test.use({ allowedConsoleErrors: [/Applying inline style violates/] });
  // Two full axe runs over a call page take tens of seconds each on a busy machine.
  test.slow();
  test('the detail page has no serious or critical accessibility violations', async ({ page }) => {
    await page.goto(`${seedUrl}?t=100`);
    await expect(playButton(page)).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Search this call' }).fill('spicy');
    await page.getByRole('searchbox', { name: 'Search this call' }).press('Enter');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
