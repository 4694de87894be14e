import type { Conversation } from '../contract';
import { LONG_CALL_EXAMPLE_ID } from '../server/demo-data/generate';
import { expect, test } from './support/console-guard';
import { getConversation } from './support/demo-api';
import { E2E_API_ORIGIN, E2E_API_TOKEN } from './support/e2e-env';
import { paintedWaveformPixels } from './support/waveform-pixels';

/** The hour-long call under a new id: its recording exists nowhere yet, as on a fresh DATA_DIR. */
async function coldCopyOfLongCall(): Promise<string> {
  const long = await getConversation(LONG_CALL_EXAMPLE_ID);
  const id = `con.e2e.cold.${Date.now().toString(36)}`;
  const body: Conversation = {
    ...long,
    id,
    transcriptRecordingUrl: `${E2E_API_ORIGIN}/recordings/${id}.mp3`,
  };
  const response = await fetch(`${E2E_API_ORIGIN}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_API_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${id}: HTTP ${response.status}`);
  return id;
}

test('an uncached hour-long call plays while its waveform is still being drawn', async ({
  page,
}) => {
  const id = await coldCopyOfLongCall();
  await page.goto(`/calls/${id}`);
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const waveform = page.getByRole('progressbar', { name: 'Waveform' });
  await expect(play).toBeEnabled({ timeout: 20_000 });
  // Play did not wait for the waveform: an hour takes far longer to make than this.
  await expect(waveform).toBeVisible();
  await expect(waveform).toHaveAttribute('aria-valuetext', /waveform/i);
  await play.click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The waveform grows as the recording is made, and says so in numbers and words.
  const madeAt = async () => Number(await waveform.getAttribute('aria-valuenow'));
  const before = await madeAt();
  await expect.poll(madeAt, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(waveform).toContainText(/Drawing the waveform: \d+% of the call/);
  // The peaks that arrived after the player was made are drawn, not only counted.
  await expect.poll(() => paintedWaveformPixels(page), { timeout: 30_000 }).toBeGreaterThan(1_000);
});
