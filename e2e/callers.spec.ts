import type { APIRequestContext, Page } from '@playwright/test';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { createConversation } from './support/demo-api';
import { expect, test } from './support/own-server';

/** The caller's record and their calls on the call page, and the list of all their calls. */
const history = (page: Page) =>
  page
    .getByRole('region', { name: 'Calls from this caller' })
    .getByRole('list', { name: 'Calls from this caller, newest first' });

interface Call {
  id: string;
  prospectId?: string | null;
  timestampStart: string;
}

/** A caller with at least three calls, found through the app server as the SPA would. */
async function returningCaller(request: APIRequestContext): Promise<{ id: string; calls: Call[] }> {
  for (let skip = 0; skip < 2000; skip += 100) {
    const response = await request.get(`/v1/conversations?limit=100&skip=${skip}`);
    expect(response.ok()).toBe(true);
    const page = (await response.json()) as Call[];
    const counts = new Map<string, number>();
    for (const call of page)
      if (call.prospectId) counts.set(call.prospectId, (counts.get(call.prospectId) ?? 0) + 1);
    for (const id of counts.keys()) {
      const calls = (await (
        await request.get(`/v1/prospects/${encodeURIComponent(id)}/conversations`)
      ).json()) as Call[];
      if (calls.length >= 3) return { id, calls };
    }
  }
  throw new Error('the demo data has no caller with three calls');
}

const newestFirst = (calls: Call[]) =>
  [...calls].sort(
    (a, b) => Date.parse(`${b.timestampStart}Z`) - Date.parse(`${a.timestampStart}Z`),
  );

test("a returning caller's other calls are listed newest first and open", async ({
  page,
  request,
}) => {
  const caller = await returningCaller(request);
  const [newest, middle, ...older] = newestFirst(caller.calls);
  await page.goto(`/calls/${encodeURIComponent(middle!.id)}`);
  const items = history(page).getByRole('listitem');
  await expect(items).toHaveCount(caller.calls.length);
  await expect(page.getByRole('region', { name: 'Calls from this caller' })).toContainText(
    `${caller.calls.length} calls`,
  );
  // The call on screen is marked, in its place in time, and is not a link to itself.
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'page');
  await expect(items.nth(1)).toContainText('(this call)');
  await expect(items.nth(1).getByRole('link')).toHaveCount(0);
  const hrefs = await history(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs).toEqual([newest!, ...older].map((call) => `/calls/${encodeURIComponent(call.id)}`));

  await items.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/calls/${encodeURIComponent(newest!.id)}$`));
  await expect(history(page).getByRole('listitem').first()).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Caller record' })).toContainText('Lead status');
});

test("'All calls from this caller' lists exactly the API's answer for that prospect", async ({
  page,
  request,
}) => {
  const caller = await returningCaller(request);
  await page.goto(`/calls/${encodeURIComponent(caller.calls[0]!.id)}`);
  await page.getByRole('link', { name: 'All calls from this caller' }).click();
  await expect(page).toHaveURL(
    `/?${new URLSearchParams({ search_by: 'prospectId', search_value: caller.id })}`,
  );
  const shown = async () => {
    const hrefs = await page
      .locator('tbody a[data-row-link]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    return hrefs.map((href) => decodeURIComponent(href.replace('/calls/', '')));
  };
  const listed = await request.get(
    `/v1/conversations?${new URLSearchParams({
      search_by: 'prospectId',
      search_value: caller.id,
      sort_by: 'timestampStart',
      sort_order: 'desc',
      limit: '25',
    })}`,
  );
  const expected = ((await listed.json()) as Call[]).map((call) => call.id);
  await expect.poll(shown).toEqual(expected);
  expect(new Set(expected)).toEqual(new Set(caller.calls.map((call) => call.id)));
  // The filter's chip names the caller rather than showing a bare id.
  const prospect = (await (
    await request.get(`/v1/prospects/${encodeURIComponent(caller.id)}`)
  ).json()) as { name: string };
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(
    `Caller: ${prospect.name}`,
  );
});

test("the seed call's caller card shows Hari and the documented phone number", async ({ page }) => {
  await page.goto(`/calls/${SEED_EXAMPLE_ID}`);
  const record = page.getByRole('region', { name: 'Caller record' });
  await expect(record).toContainText('Hari');
  await expect(record.getByTitle('96260-12778')).toBeVisible();
  await expect(record).toContainText('Service order placed');
  await expect(history(page).getByRole('listitem').first()).toHaveAttribute('aria-current', 'page');
});

// On a server of its own, so the added call stays out of every other test's lists.
test('a transcript kept elsewhere is named as such and never fetched', async ({
  page,
  ownServer,
}) => {
  const reference = 'https://transcripts.example.invalid/org.1/tra.1.json';
  const id = await createConversation(ownServer, {
    id: 'con.e2e.reftext',
    timestampStart: '2026-01-01T10:00:00Z',
    timestampEnd: '2026-01-01T10:01:00Z',
    transcriptText: reference,
  });
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.goto(`${ownServer.appUrl}/calls/${encodeURIComponent(id)}`);
  await expect(page.getByText(/transcript is stored elsewhere/)).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Call insights' })).toBeVisible();
  expect(asked.filter((url) => url.includes('transcripts.example.invalid'))).toEqual([]);
});
