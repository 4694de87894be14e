import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { expect, test } from './support/console-guard';

/**
 * The transcript's bubbles from the keyboard, a screen reader and the mouse, and the player's
 * shortcuts after a click on one. The seed's bubble at 1:10 starts "I'd recommend…"; its bubble
 * at 1:44 holds the phone number, in fragments at 1:46 ("96260") and 1:48.
 */
const seedUrl = `/calls/${SEED_EXAMPLE_ID}`;
const playButton = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });
const pauseButton = (page: Page) => page.getByRole('button', { name: 'Pause' });

async function openReady(page: Page, url: string) {
  await page.goto(url);
  await expect(playButton(page)).toBeEnabled({ timeout: 30_000 });
}

/** Every axe violation, whatever its impact. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

test('Space pauses after a bubble time or a sentence was clicked', async ({ page }) => {
  await openReady(page, seedUrl);
  await page.getByRole('button', { name: 'Play from 1:10' }).click();
  await expect(pauseButton(page)).toBeVisible();
  await page.keyboard.press(' ');
  await expect(playButton(page)).toBeVisible();
  await page.keyboard.press(' ');
  await expect(pauseButton(page)).toBeVisible();

  await page.getByText('96260', { exact: true }).click();
  const clock = page.getByLabel('Current time');
  await expect(clock).toContainText(/^1:4[6-9] \//);
  await page.keyboard.press(' ');
  await expect(playButton(page)).toBeVisible();
});

test('a bubble is one stop: speaker, time, then its text', async ({ page }) => {
  await openReady(page, seedUrl);
  const bubbles = page.getByRole('list', { name: 'Transcript' }).getByRole('listitem');
  // Play can be ready before the transcript has rendered its bubbles.
  await expect.poll(() => bubbles.count()).toBeGreaterThan(10);
  const count = await bubbles.count();
  for (let index = 0; index < count; index++)
    await expect(bubbles.nth(index).getByRole('button')).toHaveCount(1);
  // Tab from one bubble's time goes to the next bubble's time, never through its sentences.
  await bubbles.nth(3).getByRole('button').focus();
  await page.keyboard.press('Tab');
  await expect(bubbles.nth(4).getByRole('button')).toBeFocused();
  const size = await bubbles.nth(4).getByRole('button').boundingBox();
  expect(size!.width).toBeGreaterThanOrEqual(24);
  expect(size!.height).toBeGreaterThanOrEqual(24);
});

test('?t= takes a clock as well as seconds', async ({ page }) => {
  await openReady(page, `${seedUrl}?t=1:05`);
  await expect(page.getByLabel('Current time')).toContainText(/^1:05 \//);
  await openReady(page, `${seedUrl}?t=0:01:40`);
  await expect(page.getByLabel('Current time')).toContainText(/^1:40 \//);
});

test('the header and the player give the same duration', async ({ page }) => {
  await openReady(page, seedUrl);
  // The seed's call lasts 140.9 s: 2 min 21 s, and 2:21.
  await expect(page.locator('main header')).toContainText('2 min 21 s');
  await expect(page.getByLabel('Current time')).toContainText('/ 2:21');
});

test.describe('accessibility', () => {
  // axe-core sets inline styles while it measures contrast; the page's own CSP rightly blocks them.
  test.use({ allowedConsoleErrors: [/Applying inline style violates/] });
  // A full axe run over a call page (every bubble) takes tens of seconds on a busy machine.
  test.slow();

  test('no axe violations of any impact on the list', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('none on the call page with its player', async ({ page }) => {
    await openReady(page, `${seedUrl}?t=100`);
    expect(await violations(page)).toEqual([]);
  });

  test('none with the shortcuts dialog open', async ({ page }) => {
    await openReady(page, seedUrl);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
