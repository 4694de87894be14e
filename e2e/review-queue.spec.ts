import type { APIRequestContext, Page } from '@playwright/test';
import {
  conversationSchema,
  peaksSchema,
  REVIEWER_HEADER,
  transcriptMessages,
  type Peaks,
} from '../contract';
import { silentSpans } from '../src/features/call-detail/player/silence';
import { responseLatencies } from '../src/features/call-detail/transcript/latency';
import { normalizeTranscript } from '../src/features/call-detail/transcript/normalize';
import { expect, test } from './support/console-guard';

/** The review queue in the list, "Review next" (Shift+J) and listening faster. */

const SEED_CALL = 'con.1731301581.SEEDHARI';
const REVIEWER = { [REVIEWER_HEADER]: encodeURIComponent('Queue Tester') };

interface Row {
  id: string;
  review?: { state: string };
}

async function apiList(request: APIRequestContext, query: string): Promise<Row[]> {
  const response = await request.get(`/api/calls?${query}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { items: Row[] }).items;
}

/** Marks a call through the real review API, as the review panel would. */
async function markReviewed(request: APIRequestContext, id: string, rating?: number) {
  const response = await request.put(`/api/calls/${encodeURIComponent(id)}/review`, {
    headers: REVIEWER,
    data: { status: 'reviewed', ...(rating ? { rating } : {}) },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

const rowIds = (page: Page) =>
  page
    .locator('tbody a[data-row-link]')
    .evaluateAll((links) =>
      links.map((link) => decodeURIComponent((link.getAttribute('href') ?? '').slice(7))),
    );
const callUrl = (id: string) => new RegExp(`/calls/${id.replace(/\./g, '\\.')}$`);
const settled = (page: Page) => page.locator('[data-call-page][aria-busy="false"]');

test('Shift+J opens the next call still to review, on a later page of the list', async ({
  page,
  request,
}) => {
  const order = 'sentiment=negative&sort_by=timestampStart&sort_order=desc';
  const first = await apiList(request, `${order}&skip=0&limit=10`);
  // The rest of the first page is reviewed, so the next call to review is on the second.
  for (const [index, row] of first.slice(1).entries()) {
    await markReviewed(request, row.id, (index % 5) + 1);
  }
  const after = await apiList(request, `${order}&skip=0&limit=100`);
  const expected = after.slice(1).find((row) => row.review?.state === 'to_review')!;
  expect(after.findIndex((row) => row.id === expected.id)).toBeGreaterThanOrEqual(10);

  await page.goto('/?sentiment=negative&limit=10');
  await page.locator('tbody a[data-row-link]').first().click();
  await expect(page).toHaveURL(callUrl(first[0]!.id));
  await expect(settled(page)).toBeVisible();

  await page.keyboard.press('Shift+J');
  await expect(page).toHaveURL(callUrl(expected.id));
  await expect(settled(page)).toBeVisible();
  // It arrives in its place in the list: "All calls" leads back to the page that holds it.
  await expect(page.getByRole('link', { name: 'All calls', exact: true })).toHaveAttribute(
    'href',
    /skip=10/,
  );
});

test('the review filter in the URL combines with sentiment, and the rows are the API’s answer', async ({
  page,
  request,
}) => {
  const [negative] = await apiList(
    request,
    'sentiment=negative&sort_by=duration&sort_order=asc&skip=0&limit=1',
  );
  await markReviewed(request, negative!.id, 4);

  await page.goto('/?sentiment=negative&sort_by=duration&sort_order=asc');
  await expect(page.locator('tbody a[data-row-link]').first()).toBeVisible();
  await page
    .getByRole('group', { name: 'Filters' })
    .getByRole('button', { name: 'Review', exact: true })
    .click();
  await page.getByRole('checkbox', { name: 'Reviewed', exact: true }).check();
  await expect(page).toHaveURL(/sentiment=negative&review=reviewed/);
  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('list', { name: 'Active filters' }).getByText('Review: Reviewed'),
  ).toBeVisible();

  const query =
    'sentiment=negative&review=reviewed&sort_by=duration&sort_order=asc&skip=0&limit=25';
  await expect.poll(() => rowIds(page)).toEqual((await apiList(request, query)).map((r) => r.id));
  expect(await rowIds(page)).toContain(negative!.id);
  // The Review column says it in words, with the rating.
  const row = page.locator('tbody tr').filter({ has: page.locator(`a[href$="${negative!.id}"]`) });
  await expect(
    row.getByRole('cell', { name: 'Reviewed Rating 4 of 5', exact: true }),
  ).toBeVisible();

  await page.goto('/?sentiment=negative&review=to_review');
  const toReview =
    'sentiment=negative&review=to_review&sort_by=timestampStart&sort_order=desc&skip=0&limit=25';
  await expect
    .poll(() => rowIds(page))
    .toEqual((await apiList(request, toReview)).map((r) => r.id));
  expect(await rowIds(page)).not.toContain(negative!.id);
});

test('s turns Skip silence on and off, says so, and is remembered; speed goes to 2.5×', async ({
  page,
}) => {
  await page.goto(`/calls/${SEED_CALL}`);
  const toggle = page.getByRole('button', { name: 'Skip silence' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();

  await page.keyboard.press('s');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^Skip silence on: / })).toBeVisible();
  await page.keyboard.press('s');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Skip silence off' })).toBeVisible();
  await page.keyboard.press('s');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Skip silence' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const speed = page.getByRole('combobox', { name: 'Speed' });
  for (let i = 0; i < 6; i++) await page.keyboard.press(']');
  await expect(speed).toHaveValue('2.5');
  await page.keyboard.press('[');
  await expect(speed).toHaveValue('2');

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByText('Shift + J', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Open the next call still to review in the list')).toBeVisible();
  await expect(dialog.getByText('s', { exact: true })).toBeVisible();
});

test('with Skip silence on, playback that reaches a pause jumps to its end', async ({
  page,
  request,
}) => {
  // The pauses the player finds, from the same peaks and the same function.
  const call = conversationSchema.parse(
    await (await request.get(`/api/calls/${SEED_CALL}`)).json(),
  );
  let peaks: Peaks | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(`/api/conversations/${SEED_CALL}/peaks`);
      peaks = peaksSchema.parse(await response.json());
      return peaks.complete !== false;
    })
    .toBe(true);
  const slow = responseLatencies(normalizeTranscript(transcriptMessages(call), call))
    .filter((one) => one.long)
    .map((one) => ({ start: one.from, end: one.to }));
  const pause = silentSpans(peaks!, slow)[0]!;
  expect(pause).toBeDefined();

  // Every time set on a media element, to tell the jump from playing through.
  await page.addInitScript(() => {
    const seeks: number[] = [];
    (window as unknown as { seeks: number[] }).seeks = seeks;
    const time = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'currentTime')!;
    Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', {
      ...time,
      set(this: HTMLMediaElement, value: number) {
        seeks.push(value);
        time.set!.call(this, value);
      },
    });
  });
  await page.goto(`/calls/${SEED_CALL}?t=${Math.max(0, Math.floor(pause.start - 1))}`);
  await expect(page.getByRole('region', { name: 'Recording' })).toHaveAttribute(
    'data-audio-state',
    'playable',
    { timeout: 30_000 },
  );
  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: 'Skip silence' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seeks: number[] }).seeks), {
      timeout: 20_000,
    })
    .toContainEqual(expect.closeTo(pause.end, 2));
});
