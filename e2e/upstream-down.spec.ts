import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatTrataTimestamp, type CallList, type SyncStatus } from '../contract';
import { createConversationStore } from '../server/db/conversation-store';
import { openDatabase } from '../server/db/open-database';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { expect, test } from './support/console-guard';
import { startSeparateUpstream, type SeparateUpstream } from './support/separate-upstream';

/**
 * Trata goes down for real: the demo API runs as a process of its own (TRATA_API_URL), and the
 * test stops that process, then starts it again. Nothing is intercepted in the browser.
 */
let stack: SeparateUpstream;
const seedUrl = () => `${stack.appUrl}/calls/${SEED_EXAMPLE_ID}`;
const banner = (page: Page) => page.getByRole('status', { name: 'Connection to Trata' });
const synced = (page: Page) => page.getByText(/^Synced (now|\d+ sec\. ago|\d+ min\. ago)$/);
const playButton = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });
const copies = () => {
  try {
    return readdirSync(path.join(stack.appDataDir, 'recording-copies')).filter((name) =>
      name.endsWith('.audio'),
    );
  } catch {
    return [];
  }
};

async function syncStatus(): Promise<SyncStatus> {
  return (await (await fetch(`${stack.appUrl}/api/sync`)).json()) as SyncStatus;
}

/** Plays the seed call from the start until its clock has moved, in a fresh browser context. */
async function playsSeed(page: Page) {
  await page.goto(seedUrl());
  await expect(playButton(page)).toBeEnabled({ timeout: 30_000 });
  await playButton(page).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect
    .poll(
      async () => (await page.getByLabel('Current time').textContent())?.split('/')[0]?.trim(),
      {
        timeout: 20_000,
      },
    )
    .not.toBe('0:00');
}

test.describe.serial('when Trata goes down and comes back', () => {
  test.setTimeout(180_000);
  // While the API is down, the parts of the call page that still ask it (the caller's record,
  // the neighbouring calls) fail with the server's words; the page itself stays.
  test.use({ allowedConsoleErrors: [/status of 50[234]/] });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    stack = await startSeparateUpstream({ name: 'down', conversations: 120, syncIntervalS: 2 });
    await expect.poll(async () => (await syncStatus()).state, { timeout: 120_000 }).toBe('idle');
  });
  test.afterAll(async () => {
    await stack?.stop();
  });

  test('while Trata answers, the header says when it synced, and a played call is kept', async ({
    page,
  }) => {
    await page.goto(stack.appUrl);
    await expect(synced(page)).toBeVisible();
    await expect(synced(page)).toHaveAttribute('title', /^Last synced /);
    await expect(banner(page)).toHaveText('');
    await playsSeed(page);
    // The app server copies a played recording in the background.
    await expect.poll(() => copies().length, { timeout: 60_000 }).toBeGreaterThan(0);
  });

  test('with the API process stopped: a banner says why, and the call page still works', async ({
    page,
  }) => {
    await stack.stopApi();
    await page.goto(stack.appUrl);
    await expect(banner(page)).toContainText(/Trata unreachable, showing calls as of \d/, {
      timeout: 30_000,
    });
    await expect(banner(page)).toContainText('the connection was refused');
    await expect(synced(page)).toHaveCount(0);

    await page.goto(seedUrl());
    await expect(banner(page)).toContainText('Trata unreachable');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const transcript = page.getByRole('list', { name: 'Transcript' });
    await expect.poll(() => transcript.getByRole('listitem').count()).toBeGreaterThan(5);
    const panel = page.getByRole('complementary', { name: 'Call insights' });
    await expect(panel).toContainText('Service order placed');
    await expect(page.getByRole('note', { name: 'No consent to record' })).toBeVisible();
    // A fresh browser context: the recording comes from the app server's copy, not a cache here.
    await playsSeed(page);

    // A call nobody played has no copy: the page says why it cannot play, and keeps the rest.
    const newest = (await (
      await fetch(`${stack.appUrl}/api/calls?sort_by=timestampStart&sort_order=desc&limit=1`)
    ).json()) as CallList;
    await page.goto(`${stack.appUrl}/calls/${encodeURIComponent(newest.items[0]!.id)}`);
    await expect(page.getByText('The recording cannot be played.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(/The recording host .* could not be reached/)).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Call insights' })).toBeVisible();
  });

  test('when the API is back, the header catches up by itself, with a call made meanwhile', async ({
    page,
  }) => {
    // A call recorded while Trata was unreachable from here: written straight into its database.
    const now = formatTrataTimestamp(Date.now());
    const newId = `con.e2e.down.${Date.now()}`;
    const db = openDatabase(stack.apiDatabase);
    const store = createConversationStore(db);
    store.create({
      ...store.get(SEED_EXAMPLE_ID)!,
      id: newId,
      timestampStart: now,
      timestampEnd: now,
      createdAt: now,
      updatedAt: now,
    });
    db.close();

    await page.goto(stack.appUrl);
    await expect(banner(page)).toContainText('Trata unreachable', { timeout: 30_000 });
    await stack.startApi();
    // No reload and no click: the header polls, the sync retries on its own.
    await expect(synced(page)).toBeVisible({ timeout: 90_000 });
    await expect(banner(page)).toHaveText('');
    const newest = (await (
      await fetch(`${stack.appUrl}/api/calls?sort_by=timestampStart&sort_order=desc&limit=1`)
    ).json()) as CallList;
    expect(newest.items[0]?.id).toBe(newId);
  });
});
