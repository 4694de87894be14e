import type { Page } from '@playwright/test';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { expect, test } from './support/console-guard';

/**
 * The detail page really playing the seed example's demo recording in Chromium (autoplay is
 * allowed by the launch flags). Bubble times of the seed: 1:10 "I'd recommend…", 1:37 "Great!
 * I'll place the order…", 1:44 the caller's phone number (fragments at 1:46 "96260", 1:48 "12778.").
 */
const seedUrl = `/calls/${SEED_EXAMPLE_ID}`;

const toSeconds = (clock: string) =>
  clock
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);

/** Whole seconds on the player's clock ("1:40 / 2:20"). */
async function clockSeconds(page: Page): Promise<number> {
  return toSeconds(((await page.getByLabel('Current time').textContent()) ?? '').split('/')[0]!);
}

/** The start time of the one bubble marked aria-current. */
async function activeBubbleTime(page: Page): Promise<number> {
  const label = await page
    .locator('[data-bubble][aria-current="true"]')
    .getByRole('button', { name: /^Play from / })
    .getAttribute('aria-label');
  return toSeconds(label!.replace('Play from ', ''));
}

async function openReady(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({
    timeout: 30_000,
  });
  await expect(page.getByRole('region', { name: 'Recording' })).toHaveAttribute(
    'data-audio-state',
    'playable',
    { timeout: 30_000 },
  );
}

test('the highlight follows the audio across several bubbles', async ({ page }) => {
  await openReady(page, `${seedUrl}?t=60`);
  for (let i = 0; i < 4; i++) await page.keyboard.press(']'); // 2×, pitch kept
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('2');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // Sample the highlight until it has moved through three bubbles, checking it never runs ahead.
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const active = await activeBubbleTime(page);
        expect(active).toBeLessThanOrEqual((await clockSeconds(page)) + 1);
        if (active !== seen.at(-1)) seen.push(active);
        return seen.length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(3);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await expect(page.locator('[aria-current="true"]')).toHaveCount(1);
  await expect(page.locator('[data-bubble][aria-current="true"]')).toContainText('Current');
});

test('clicking a bubble time or a fragment seeks there and plays', async ({ page }) => {
  await openReady(page, seedUrl);
  await page.getByRole('button', { name: 'Play from 1:10' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => activeBubbleTime(page)).toBe(70);
  expect(await clockSeconds(page)).toBeGreaterThanOrEqual(70);
  await page.getByRole('button', { name: 'Pause' }).click();

  // A sentence is no button (a bubble is one stop for the keyboard), yet a click on it seeks.
  await page.getByText('96260', { exact: true }).click();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThanOrEqual(106);
  expect(await activeBubbleTime(page)).toBe(104);
});

test('?t= starts the call at that moment', async ({ page }) => {
  await openReady(page, `${seedUrl}?t=100`);
  await expect(page.getByLabel('Current time')).toContainText('1:40 / 2:21');
  expect(await activeBubbleTime(page)).toBe(97);
  await expect(page.getByRole('slider', { name: 'Playback position' })).toHaveAttribute(
    'aria-valuetext',
    /^1 minute 40 seconds of 2 minutes 2\d seconds$/,
  );
  const active = page.locator('[data-bubble][aria-current="true"]');
  const transcript = page.getByRole('list', { name: 'Transcript' });
  const [bubbleBox, listBox] = [await active.boundingBox(), await transcript.boundingBox()];
  expect(bubbleBox!.y).toBeGreaterThanOrEqual(listBox!.y);
  expect(bubbleBox!.y + bubbleBox!.height).toBeLessThanOrEqual(listBox!.y + listBox!.height);
});

test('the keyboard shortcuts work, and ? lists them', async ({ page }) => {
  await openReady(page, `${seedUrl}?t=30`);
  const clock = page.getByLabel('Current time');
  await page.keyboard.press('ArrowRight');
  await expect(clock).toContainText('0:35 /');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(clock).toContainText('0:50 /');
  await page.keyboard.press('ArrowLeft');
  await expect(clock).toContainText('0:45 /');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(clock).toContainText('0:30 /');
  await page.keyboard.press(']');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('1.25');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('0.75');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  const slider = page.getByRole('slider', { name: 'Playback position' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(clock).toContainText('0:00 /');
  await page.keyboard.press('ArrowUp');
  await expect(clock).toContainText('0:05 /');
  await page.keyboard.press('PageUp');
  await expect(clock).toContainText('0:20 /');
  await page.keyboard.press('PageDown');
  await expect(clock).toContainText('0:05 /');
  await page.keyboard.press('ArrowDown');
  await expect(clock).toContainText('0:00 /');
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', '140');

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search this call' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const keys of ['Space', '← / →', 'Shift + ← / →', '[ / ]', 'Home / End', 'j / k', '/', '?'])
    await expect(dialog.getByText(keys, { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('search marks matches, Enter jumps to the next one and seeks to its fragment', async ({
  page,
}) => {
  await openReady(page, seedUrl);
  const box = page.getByRole('searchbox', { name: 'Search this call' });
  const status = page.getByRole('search', { name: 'Search this call' }).locator('output');
  await box.fill('SPICY');
  await expect(status).toHaveText(/^0 of \d+$/);
  const total = Number((await status.textContent())!.split(' of ')[1]);
  await expect(page.locator('mark')).toHaveCount(total);
  await box.press('Enter');
  await expect(status).toHaveText(`1 of ${total}`);
  // The first "spicy" is the fragment "spicy." at 1:03, inside the bubble that starts at 1:03.
  await expect.poll(() => clockSeconds(page)).toBe(63);
  await expect(page.locator('mark[data-current-match]')).toHaveText('spicy');
  await box.press('Enter');
  await expect(status).toHaveText(`2 of ${total}`);
  await expect.poll(() => clockSeconds(page)).toBe(70);
  await box.press('Shift+Enter');
  await box.press('Shift+Enter');
  await expect(status).toHaveText(`${total} of ${total}`);
  const regions = await page.evaluate(() =>
    [...document.querySelectorAll('[role="slider"] div')]
      .map((host) => host.shadowRoot?.querySelectorAll('[part~="region"]').length ?? 0)
      .reduce((sum, count) => sum + count, 0),
  );
  expect(regions).toBeGreaterThan(0);
  await box.fill('<b>(');
  await expect(status).toHaveText('No matches');
});

test('autoscroll pauses when the reader scrolls and resumes on request', async ({ page }) => {
  // The active bubble changes at 1:37, while the reader is looking elsewhere.
  await openReady(page, `${seedUrl}?t=95`);
  const transcript = page.getByRole('list', { name: 'Transcript' });
  await transcript.hover();
  await page.mouse.wheel(0, -2000);
  const follow = page.getByRole('button', { name: 'Follow playback' });
  await expect(follow).toBeVisible();
  await expect.poll(() => transcript.evaluate((list) => list.scrollTop)).toBe(0);
  // Count the transcript's own requests to scroll, from before the active bubble changes.
  await transcript.evaluate((list) => {
    const scrollTo = list.scrollTo.bind(list);
    list.dataset.scrollRequests = '0';
    list.scrollTo = ((...args: Parameters<HTMLElement['scrollTo']>) => {
      list.dataset.scrollRequests = String(Number(list.dataset.scrollRequests) + 1);
      scrollTo(...args);
    }) as HTMLElement['scrollTo'];
  });
  // Played only once the reader has scrolled away, however long that took on a busy machine.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => activeBubbleTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(97);
  // Following scrolls in the frame after the change: two frames later it would have asked.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await expect(transcript).toHaveAttribute('data-scroll-requests', '0');
  expect(await transcript.evaluate((list) => list.scrollTop)).toBe(0);
  await follow.click();
  await expect(follow).toBeHidden();
  await expect.poll(() => transcript.evaluate((list) => list.scrollTop)).toBeGreaterThan(0);
});

test('"Copy link to this moment" copies a ?t= link that starts there', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openReady(page, `${seedUrl}?t=100`);
  await page.getByRole('button', { name: 'Copy link to this moment' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).pathname).toBe(seedUrl);
  expect(new URL(copied).searchParams.get('t')).toBe('100');
  await openReady(page, copied);
  await expect(page.getByLabel('Current time')).toContainText('1:40 /');
});

test('slow AI answers are listed in words and jump to that moment', async ({ page }) => {
  await openReady(page, seedUrl);
  const lane = page.getByText(/slow answers? \(over 3 s\)/);
  await expect(lane).toBeVisible();
  await lane.getByRole('button').first().click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(await clockSeconds(page)).toBeGreaterThan(10);
});

test('the recording only streams: the tab never downloads the whole file to decode it', async ({
  page,
}) => {
  const recordingRequests: (string | undefined)[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/recording')) recordingRequests.push(request.headers().range);
  });
  await openReady(page, seedUrl);
  // wavesurfer fetches a file to decode inside load(), before it draws: once the waveform is
  // drawn, any such fetch has been made.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('[role="slider"] div')].filter(
            (host) => (host.shadowRoot?.querySelectorAll('canvas').length ?? 0) > 0,
          ).length,
      ),
    )
    .toBeGreaterThan(0);
  expect(recordingRequests.length).toBeGreaterThan(0);
  // A media element always asks for a byte range; a whole-file fetch does not.
  for (const range of recordingRequests) expect(range).toMatch(/^bytes=\d+-/);
  // The heap as Chromium measures it (CDP), after a collection; a missing figure fails the test.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heapBytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
  expect(heapBytes, 'JSHeapUsedSize from Performance.getMetrics').toBeGreaterThan(0);
  expect(heapBytes! / 1024 / 1024).toBeLessThan(60);
});
