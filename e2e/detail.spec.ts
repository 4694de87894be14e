import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  NO_RECORDING_EXAMPLE_ID,
  SEED_EXAMPLE_ID,
  XSS_EXAMPLE_ID,
  XSS_PAYLOAD,
} from '../server/demo-data/special-calls';
import { expect, test } from './support/console-guard';

const seedUrl = `/calls/${SEED_EXAMPLE_ID}`;

/** Seconds shown by the player's clock ("1:40 / 2:20"). */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByLabel('Current time').textContent()) ?? '';
  const [minutes, seconds] = text.split('/')[0]!.trim().split(':').map(Number);
  return minutes! * 60 + seconds!;
}

async function activeBubbleTime(page: Page): Promise<number> {
  const label = await page
    .locator('li[aria-current="true"] button[aria-label^="Play from"]')
    .first()
    .getAttribute('aria-label');
  const [minutes, seconds] = label!.replace('Play from ', '').split(':').map(Number);
  return minutes! * 60 + seconds!;
}

async function openReady(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({
    timeout: 30_000,
  });
}

test('the highlight follows the audio across several bubbles', async ({ page }) => {
  await openReady(page, `${seedUrl}?t=20`);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const seen = new Set<number>();
  for (let i = 0; i < 24 && seen.size < 3; i++) {
    await page.waitForTimeout(500);
    const now = await clockSeconds(page);
    const active = await activeBubbleTime(page);
    expect(active).toBeLessThanOrEqual(now + 1);
    seen.add(active);
  }
  expect(seen.size).toBeGreaterThanOrEqual(3);
  await expect(page.locator('li[aria-current="true"]')).toHaveCount(1);
});

test('clicking a bubble seeks there and plays', async ({ page }) => {
  await openReady(page, seedUrl);
  await page.getByRole('button', { name: 'Play from 1:10' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => activeBubbleTime(page)).toBe(70);
  expect(await clockSeconds(page)).toBeGreaterThanOrEqual(70);
});

test('?t= starts the call at that moment', async ({ page }) => {
  await openReady(page, `${seedUrl}?t=100`);
  await expect(page.getByLabel('Current time')).toContainText('1:40 /');
  expect(await activeBubbleTime(page)).toBe(97);
  await expect(page.getByRole('slider', { name: 'Playback position' })).toHaveAttribute(
    'aria-valuetext',
    /1 minute 40 seconds of 2 minutes/,
  );
});

test('the keyboard shortcuts work', async ({ page }) => {
  await openReady(page, `${seedUrl}?t=30`);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Current time')).toContainText('0:35 /');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByLabel('Current time')).toContainText('0:50 /');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByLabel('Current time')).toContainText('0:45 /');
  await page.keyboard.press(']');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('1.25');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('0.75');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('search highlights matches and Enter jumps to the next one and seeks there', async ({
  page,
}) => {
  await openReady(page, seedUrl);
  await page.getByRole('searchbox', { name: 'Search this call' }).fill('spicy');
  await expect(page.getByRole('search', { name: 'Search this call' })).toContainText(/0 of \d+/);
  expect(await page.locator('mark').count()).toBeGreaterThanOrEqual(5);
  await page.getByRole('searchbox', { name: 'Search this call' }).press('Enter');
  await expect(page.getByRole('search', { name: 'Search this call' })).toContainText(/1 of \d+/);
  // The match is the fragment "spicy." said at 1:03.74, inside a bubble that starts at 1:02.
  await expect.poll(() => clockSeconds(page)).toBe(63);
  await page.getByRole('searchbox', { name: 'Search this call' }).press('Enter');
  await expect(page.getByRole('search', { name: 'Search this call' })).toContainText(/2 of \d+/);
  await expect.poll(() => clockSeconds(page)).toBe(70);
});

test('autoscroll pauses when the reader scrolls and resumes on request', async ({ page }) => {
  await openReady(page, seedUrl);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('list', { name: 'Transcript' }).hover();
  await page.mouse.wheel(0, 400);
  const follow = page.getByRole('button', { name: 'Follow playback' });
  await expect(follow).toBeVisible();
  await follow.click();
  await expect(follow).toBeHidden();
});

test('a script in a name or a message is shown as text and never runs', async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a dialog opened: injected script ran');
  });
  await page.goto(`/calls/${XSS_EXAMPLE_ID}`);
  await expect(page.getByRole('heading', { level: 1, name: XSS_PAYLOAD })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Transcript' })).toContainText(XSS_PAYLOAD);
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
});

test('works without a recording: transcript readable and searchable, with the reason shown', async ({
  page,
}) => {
  await page.goto(`/calls/${NO_RECORDING_EXAMPLE_ID}`);
  await expect(page.getByText('This call has no recording.')).toBeVisible();
  const bubbles = page.getByRole('list', { name: 'Transcript' }).getByRole('listitem');
  expect(await bubbles.count()).toBeGreaterThan(1);
  const word = ((await bubbles.first().locator('p').textContent()) ?? '').match(/[A-Za-z]{5,}/)![0];
  await page.getByRole('searchbox', { name: 'Search this call' }).fill(word);
  await expect(page.locator('mark').first()).toBeVisible();
});

test.describe('not found', () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test('an unknown call shows a not-found page with a way back', async ({ page }) => {
    await page.goto('/calls/con.0.doesnotexist');
    await expect(page.getByRole('heading', { name: 'Call not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to all calls' }).click();
    await expect(page.getByRole('heading', { name: 'Calls' })).toBeVisible();
  });
});

test.describe('accessibility', () => {
  // axe-core sets inline styles while it measures contrast; the page's own CSP rightly blocks them.
  test.use({ allowedConsoleErrors: [/Applying inline style violates/] });
  test('the detail page has no serious or critical accessibility violations', async ({ page }) => {
    await openReady(page, seedUrl);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(
      serious.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
});
