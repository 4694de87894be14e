import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { factsFileOf } from './cache-integrity';
import { SEED_EXAMPLE_ID } from '../demo-data/generate';
import { recordingBytes } from './synthesize';
import { startDemoProcess, type DemoProcess } from './testing/demo-process';
import { conversationOf } from './testing/fixtures';
import { mountSmallDisk, rssOf } from './testing/small-disk';

/**
 * A long call within the length limit once cost its whole PCM (and the MP3 several times over)
 * in memory, and its synthesis went on after the client left. Now the call is rendered through
 * a window and spooled to disk, so memory stays flat whatever the length; and when nobody waits
 * for a recording the disk can't keep, its synthesis stops, down to the worker thread.
 */
const HOURS = 2;
const longCall = (id: string) =>
  conversationOf(
    id,
    [
      { at: 2, speaker: 'AI', text: 'Thank you for holding, this is the front desk.' },
      { at: 3_600, speaker: 'USER', text: 'Still here, an hour later.' },
      { at: HOURS * 3_600 - 10, speaker: 'AI', text: 'Goodbye.' },
    ],
    HOURS * 3_600,
  );
/**
 * What the demo API may grow by while it makes and serves the call: the old code needed the
 * PCM alone (2 h × 11,025 Hz × 2 bytes = 159 MB) plus about 29 MB of MP3 copied four times.
 */
const RSS_GROWTH_BOUND = 80 * 1024 * 1024;

const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-long-call-'));
const disk = mountSmallDisk(dir, '8m');
const running: DemoProcess[] = [];

afterAll(async () => {
  for (const demo of running) await demo.server.stop();
  disk.unmount();
  rmSync(dir, { recursive: true, force: true });
});

/** Samples the process's RSS until stopped: the highest value seen. */
function watchRss(pid: number) {
  let peak = rssOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssOf(pid));
    },
  };
}

describe(`a ${HOURS}-hour call, within the recording limit`, () => {
  it('is made and served whole while the demo API’s memory stays flat', async () => {
    const demo = await startDemoProcess(path.join(dir, 'data'));
    running.push(demo);
    const call = longCall('con.1763631000.TWOHOURS');
    await demo.post(call);
    // Both workers busy once (eSpeak loaded, code warm) before memory is measured: the warm-up
    // of the seed example and a five-minute call side by side.
    const warmUp = conversationOf(
      'con.1763631000.WARMUPCL',
      [{ at: 1, speaker: 'AI', text: 'Warming up.' }],
      300,
    );
    await demo.post(warmUp);
    await Promise.all(
      [SEED_EXAMPLE_ID, warmUp.id].map(async (id) => (await demo.get(`${id}.mp3`)).status),
    );
    const pid = demo.server.child.pid!;
    const before = rssOf(pid);
    const watch = watchRss(pid);
    const response = await fetch(`${demo.origin}/recordings/${call.id}.mp3`);
    let received = 0;
    for await (const chunk of response.body!) received += (chunk as Uint8Array).length;
    const peak = watch.stop();
    expect(response.status).toBe(200);
    expect(received).toBe(recordingBytes(call));
    const kept = path.join(dir, 'data', 'recordings', `${call.id}.mp3`);
    await vi.waitFor(() => expect(existsSync(factsFileOf(kept))).toBe(true), { timeout: 30_000 });
    console.log(
      `RSS before ${(before / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB ` +
        `while making ${(received / 2 ** 20).toFixed(1)} MB of MP3 (${HOURS} h)`,
    );
    expect(peak - before).toBeLessThan(RSS_GROWTH_BOUND);
    // Two minutes on a quiet machine; far more while a whole suite shares two cores.
  }, 900_000);

  it.skipIf(!disk.mounted)(
    'stops its synthesis when the client leaves and the disk can’t keep it',
    async () => {
      const demo = await startDemoProcess(path.join(disk.path, 'data'));
      running.push(demo);
      const call = longCall('con.1763631000.LEAVEMID');
      await demo.post(call);
      disk.fill();
      const controller = new AbortController();
      const response = await fetch(`${demo.origin}/recordings/${call.id}.mp3`, {
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let received = 0;
      while (received < 256 * 1024) received += (await reader.read()).value?.length ?? 0;
      await demo.server.waitForLine(/Could not keep \S+LEAVEMID\.mp3: the disk is full/);
      controller.abort();

      await demo.server.waitForLine(/Stopped making \S+LEAVEMID\.mp3: no client is waiting/);
      // Logged once the worker's job has ended, with how far it got: well short of the end.
      const stopped = await demo.server.waitForLine(/Making \S+LEAVEMID\.mp3 stopped after/);
      const [, made, total] = /stopped after (\d+) bytes of (\d+)/.exec(stopped)!;
      expect(Number(made)).toBeLessThan(Number(total) / 2);
      disk.empty();
    },
    300_000,
  );
});
