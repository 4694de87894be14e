import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/console-guard';

/**
 * The review on the call page, in Chromium against the real server: rating from the keyboard,
 * comments at a moment, markers that seek, a colleague seeing a comment without reloading, and
 * hostile text shown as text. Each test reviews a call of its own, deep in the list, so the
 * reviews it leaves behind meet no other test.
 */

const NAME_KEY = 'callscope.reviewer-name';

/** A call with a recording that no other spec opens: one page deep in the default list. */
async function callAt(page: Page, skip: number): Promise<string> {
  const response = await page.request.get(
    `/v1/conversations?sort_by=timestampStart&sort_order=desc&skip=${skip}&limit=20`,
  );
  expect(response.ok()).toBe(true);
  const calls = (await response.json()) as {
    id: string;
    transcriptRecordingUrl?: string | null;
    timestampStart?: string | null;
    timestampEnd?: string | null;
  }[];
  // Long enough for the moments the tests comment on (0:30 and after), whatever other tests added.
  const seconds = (entry: (typeof calls)[number]) =>
    (Date.parse(`${entry.timestampEnd}Z`) - Date.parse(`${entry.timestampStart}Z`)) / 1000;
  const call = calls.find((entry) => entry.transcriptRecordingUrl && seconds(entry) >= 60);
  expect(call, 'a call of a minute or more with a recording').toBeTruthy();
  return call!.id;
}

async function openReady(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'Recording' })).toHaveAttribute(
    'data-audio-state',
    'playable',
    { timeout: 30_000 },
  );
  await expect(page.getByRole('radio', { name: '1 of 5' })).toBeVisible();
}

/** A page whose browser already knows the reviewer's name. */
async function reviewerPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    NAME_KEY,
    name,
  ] as const);
  return context.newPage();
}

const review = (page: Page) => page.getByRole('region', { name: 'Review', exact: true });
const comments = (page: Page) => review(page).getByRole('region', { name: 'Comments' });

test('rate with the keyboard, comment at a moment, reload: all of it is still there', async ({
  page,
}) => {
  const id = await callAt(page, 400);
  await openReady(page, `/calls/${id}?t=20`);
  await expect(page.getByLabel('Current time')).toContainText(/^0:20 \//);

  // The first review action asks who is reviewing.
  await page.keyboard.press('4');
  const dialog = page.getByRole('dialog', { name: 'Who is reviewing?' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Dana QA');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog).toBeHidden();
  await expect(review(page).getByRole('radio', { name: '4 of 5' })).toBeChecked();

  await page.keyboard.press('c');
  const box = comments(page).getByRole('textbox', { name: 'Comment at 0:20' });
  await expect(box).toBeFocused();
  await box.fill('Greeting is too long here');
  await comments(page).getByRole('button', { name: 'Add comment' }).click();
  await expect(comments(page).getByText('Greeting is too long here')).toBeVisible();
  await expect(comments(page).getByRole('status')).toHaveCount(0); // no longer "Saving…"

  await page.keyboard.press('r');
  await expect(review(page).getByRole('radio', { name: /Reviewed/ })).toBeChecked();
  await expect(review(page).getByRole('status', { name: 'Delivery to Trata' })).toBeVisible();

  await page.reload();
  await openReady(page, `/calls/${id}?t=20`);
  await expect(review(page).getByRole('radio', { name: '4 of 5' })).toBeChecked();
  await expect(review(page).getByRole('radio', { name: /Reviewed/ })).toBeChecked();
  await expect(comments(page).getByText('Greeting is too long here')).toBeVisible();
  await expect(
    comments(page).getByRole('button', { name: 'Go to 0:20, where Dana QA commented' }),
  ).toBeVisible();
  const everyone = review(page).getByRole('list', { name: 'Reviews' });
  await expect(everyone).toContainText('Dana QA');
  await expect(everyone).toContainText('4 of 5');
  await review(page)
    .getByText(/^History/)
    .click();
  await expect(review(page).getByRole('list', { name: 'Review history' })).toContainText(
    'Dana QA rated 4',
  );
});

test('a comment’s marker on the waveform seeks the player there', async ({ browser }) => {
  const page = await reviewerPage(browser, 'Lee QA');
  const id = await callAt(page, 420);
  await openReady(page, `/calls/${id}?t=30`);
  await page.keyboard.press('c');
  await comments(page).getByRole('textbox', { name: 'Comment at 0:30' }).fill('Check this answer');
  await comments(page).getByRole('button', { name: 'Add comment' }).click();
  await expect(comments(page).getByText('Check this answer')).toBeVisible();

  await page.getByRole('button', { name: 'Back 15 seconds' }).click();
  await page.getByRole('button', { name: 'Back 15 seconds' }).click();
  await expect(page.getByLabel('Current time')).toContainText(/^0:00 \//);

  const marker = page
    .getByRole('list', { name: 'Comment markers' })
    .getByRole('button', { name: /Comment by Lee QA at 0:30: Check this answer/ });
  await marker.click();
  await expect(page.getByLabel('Current time')).toContainText(/^0:30 \//);

  // The same comment is marked beside its bubble, and that marker seeks too.
  await page.getByRole('button', { name: 'Back 15 seconds' }).click();
  await expect(page.getByLabel('Current time')).toContainText(/^0:15 \//);
  await page
    .getByRole('list', { name: 'Transcript' })
    .getByRole('button', { name: /Comment by Lee QA at 0:30/ })
    .click();
  await expect(page.getByLabel('Current time')).toContainText(/^0:30 \//);
  await page.context().close();
});

test('a second reviewer sees the first one’s comment without reloading', async ({ browser }) => {
  const first = await reviewerPage(browser, 'Ana QA');
  const second = await reviewerPage(browser, 'Ben QA');
  const id = await callAt(first, 440);
  await openReady(first, `/calls/${id}`);
  await openReady(second, `/calls/${id}`);
  await expect(comments(second).getByText('Both of us are here')).toHaveCount(0);

  await comments(first)
    .getByRole('textbox', { name: 'Comment on the whole call' })
    .fill('Both of us are here');
  await comments(first).getByRole('button', { name: 'Add comment' }).click();

  // The review is polled every 5 s while the tab is visible.
  await expect(comments(second).getByText('Both of us are here')).toBeVisible({ timeout: 15_000 });
  await expect(comments(second).getByText('Ana QA')).toBeVisible();
  // Not mine: no edit or delete for Ben.
  await expect(comments(second).getByRole('button', { name: /^Edit your comment/ })).toHaveCount(0);
  await first.context().close();
  await second.context().close();
});

test('a comment full of markup is shown as text and runs nothing', async ({ browser }) => {
  const page = await reviewerPage(browser, 'Eve QA');
  const id = await callAt(page, 460);
  await openReady(page, `/calls/${id}?t=10`);
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"><b>x</b>';
  await page.keyboard.press('c');
  await comments(page).getByRole('textbox', { name: 'Comment at 0:10' }).fill(payload);
  await comments(page).getByRole('button', { name: 'Add comment' }).click();
  await expect(comments(page).getByText(payload, { exact: true })).toBeVisible();
  await page.reload();
  await openReady(page, `/calls/${id}?t=10`);
  await expect(comments(page).getByText(payload, { exact: true })).toBeVisible();
  await expect(review(page).locator('img, script, b')).toHaveCount(0);
  await expect(
    page.getByRole('list', { name: 'Comment markers' }).getByRole('button', { name: /<img src=x/ }),
  ).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await page.context().close();
});

test.describe('accessibility', () => {
  // axe-core sets inline styles while it measures contrast; the page's own CSP rightly blocks them.
  test.use({ allowedConsoleErrors: [/Applying inline style violates/] });
  test.slow();

  test('no axe violations in the review panel, with reviews and comments', async ({ browser }) => {
    const page = await reviewerPage(browser, 'Axe QA');
    const id = await callAt(page, 480);
    await openReady(page, `/calls/${id}?t=5`);
    await page.keyboard.press('3');
    await page.keyboard.press('c');
    await comments(page).getByRole('textbox', { name: 'Comment at 0:05' }).fill('Looks fine');
    await comments(page).getByRole('button', { name: 'Add comment' }).click();
    await expect(comments(page).getByText('Looks fine')).toBeVisible();
    await page.locator('h1').click();
    await page.keyboard.press('f');
    await expect(review(page).getByRole('textbox', { name: 'Follow-up reason' })).toBeFocused();
    const results = await new AxeBuilder({ page }).include('[aria-label="Review"]').analyze();
    expect(
      results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
    await page.context().close();
  });
});
