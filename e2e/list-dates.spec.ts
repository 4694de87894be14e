import { parseTrataTimestamp } from '../contract';
import { getConversation } from './support/demo-api';
import { expect, test } from './support/console-guard';

test.use({ timezoneId: 'America/Denver', locale: 'en-US' });

test('each row shows its absolute date and time in the viewer’s zone, without hover', async ({
  page,
}) => {
  await page.goto('/');
  const link = page.locator('tbody a[data-row-link]').first();
  const id = decodeURIComponent((await link.getAttribute('href'))!.replace('/calls/', ''));
  const call = await getConversation(id);
  const epoch = parseTrataTimestamp(call.timestampStart)!;
  const expected = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/Denver',
  }).format(epoch);
  const start = page.locator('tbody tr').first().locator('time');
  // In the row's text, so the keyboard, touch and screen readers get it too.
  await expect(start).toContainText(expected);
  await expect(page.getByRole('columnheader', { name: /Start time \((MST|MDT)\)/ })).toBeVisible();
});
