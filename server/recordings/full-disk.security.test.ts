import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sniffAudioType } from '../upstream-fetch/audio-type';
import { factsFileOf } from './cache-integrity';
import { recordingBytes } from './synthesize';
import { DEMO_TOKEN } from './testing/demo-process';
import { conversationOf } from './testing/fixtures';
import {
  APP_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../security/testing/server-process';

/**
 * A DATA_DIR that fills up while the server runs gave 502 "The Trata API failed with an internal
 * error (500)" on writes, made recordings again on every request, and logged nothing. Here the
 * whole app server (with its embedded demo API) runs on a small tmpfs that the test fills to the
 * last byte, then empties again.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-full-disk-'));
const mountPoint = path.join(dir, 'small-disk');
mkdirSync(mountPoint);
const mounted =
  process.platform === 'linux' &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], {
    stdio: 'ignore',
    timeout: 5_000,
  }).status === 0;
const dataDir = path.join(mountPoint, 'data');
const filler = path.join(mountPoint, 'filler');

/** Ten minutes: about 2.4 MB of MP3, more than a full disk has room for. */
const LONG = conversationOf(
  'con.1763631000.FULLDISK',
  [
    { at: 1, speaker: 'AI', text: 'Hello, you have reached the clinic.' },
    { at: 300, speaker: 'USER', text: 'Sorry, I was on hold.' },
    { at: 590, speaker: 'AI', text: 'Goodbye.' },
  ],
  600,
);
const SIZE = recordingBytes(LONG);
/** Made while the recordings folder is read-only. */
const SHORT = conversationOf(
  'con.1763631000.READONLY',
  [{ at: 1, speaker: 'AI', text: 'This one lands on a read-only folder.' }],
  60,
);
const FULL = /the disk is full \((ENOSPC|SQLITE_FULL)\)/;

let server: ServerProcess;
let appOrigin = '';
let demoOrigin = '';

function fillTheDisk(): void {
  const handle = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(handle, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(handle);
  }
}

async function recording(id = LONG.id): Promise<{ status: number; body: Buffer; detail?: string }> {
  const response = await fetch(`${appOrigin}/api/conversations/${id}/recording`);
  const body = Buffer.from(await response.arrayBuffer());
  const detail =
    response.status === 200
      ? undefined
      : (JSON.parse(body.toString()) as { detail: string }).detail;
  return { status: response.status, body, detail };
}

/** A change of about 100 KB: SQLite needs new pages for it, which a full disk does not have. */
async function writeSummary(words: string) {
  const response = await fetch(`${appOrigin}/v1/conversations/${LONG.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({
      conversationAnalytics: { summary: words.repeat(20_000).slice(0, 100_000) },
    }),
  });
  return { status: response.status, body: (await response.json()) as { detail?: string } };
}

const keptLines = () =>
  server
    .output()
    .split('\n')
    .filter((line) => line.includes(`Could not keep`) && line.includes(`${LONG.id}.mp3`));

beforeAll(async () => {
  if (!mounted) return;
  const port = await freePort();
  const demoPort = await freePort();
  server = startServerProcess(APP_MAIN, {
    DATA_DIR: dataDir,
    PORT: String(port),
    DEMO_API_PORT: String(demoPort),
    DEMO_API_TOKEN: DEMO_TOKEN,
    DEMO_CONVERSATIONS: '1',
    LOG_LEVEL: 'info',
  });
  await server.waitForLine(/Callscope is running/);
  appOrigin = `http://127.0.0.1:${port}`;
  demoOrigin = `http://127.0.0.1:${demoPort}`;
  const created = await fetch(`${demoOrigin}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...LONG,
      transcriptRecordingUrl: `${demoOrigin}/recordings/${LONG.id}.mp3`,
    }),
  });
  expect(created.status).toBe(200);
  const short = await fetch(`${demoOrigin}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...SHORT,
      transcriptRecordingUrl: `${demoOrigin}/recordings/${SHORT.id}.mp3`,
    }),
  });
  expect(short.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (mounted) spawnSync('umount', [mountPoint], { stdio: 'ignore', timeout: 5_000 });
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a DATA_DIR that fills up while the server runs', () => {
  it('streams the recording it can’t keep, logs why, then answers 507 instead of making it again', async () => {
    fillTheDisk();
    const first = await recording();
    expect(first.status).toBe(200);
    expect(first.body.length).toBe(SIZE);
    expect(sniffAudioType(first.body)?.contentType).toBe('audio/mpeg');
    await server.waitForLine(
      new RegExp(`Could not keep \\S+${LONG.id}\\.mp3: the disk is full \\(ENOSPC\\)`),
    );

    // Once the failure is known, the next requests are told so at once: no synthesis each time.
    await vi.waitFor(
      async () => {
        const again = await recording();
        expect(again.status).toBe(507);
        expect(again.detail).toMatch(FULL);
      },
      { timeout: 60_000, interval: 200 },
    );
    for (let i = 0; i < 5; i++) expect((await recording()).status).toBe(507);
    expect(keptLines()).toHaveLength(1);
  }, 180_000);

  it('answers a write with 507 and the reason in words, not a 502 "internal error"', async () => {
    if (!existsSync(filler)) fillTheDisk();
    const answer = await writeSummary('Full disk. ');
    expect(answer.status).toBe(507);
    expect(answer.body.detail).toMatch(FULL);
    expect(answer.body.detail).not.toMatch(/internal error/i);
  }, 60_000);

  it('recovers by itself once there is room again', async () => {
    rmSync(filler);
    await vi.waitFor(
      async () => {
        const answer = await recording();
        expect(answer.status).toBe(200);
        expect(answer.body.length).toBe(SIZE);
      },
      { timeout: 90_000, interval: 500 },
    );
    const kept = path.join(dataDir, 'recordings', `${LONG.id}.mp3`);
    await vi.waitFor(() => expect(existsSync(factsFileOf(kept))).toBe(true), {
      timeout: 60_000,
      interval: 100,
    });
    expect((await writeSummary('Room again. ')).status).toBe(200);
  }, 180_000);

  it('streams a recording its read-only folder refuses, answers 507 in words, and recovers', async () => {
    // A read-only file system laid over DATA_DIR/recordings while the server runs.
    const recordings = path.join(dataDir, 'recordings');
    const overlaid =
      spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', recordings], {
        stdio: 'ignore',
        timeout: 5_000,
      }).status === 0;
    expect(overlaid).toBe(true);
    try {
      const first = await recording(SHORT.id);
      expect(first.status).toBe(200);
      expect(first.body.length).toBe(recordingBytes(SHORT));
      await server.waitForLine(
        new RegExp(
          `Could not keep \\S+${SHORT.id}\\.mp3: the file system is read-only \\(EROFS\\)`,
        ),
      );
      await vi.waitFor(
        async () => {
          const again = await recording(SHORT.id);
          expect(again.status).toBe(507);
          expect(again.detail).toMatch(/the file system is read-only \(EROFS\)/);
        },
        { timeout: 60_000, interval: 200 },
      );
    } finally {
      spawnSync('umount', [recordings], { stdio: 'ignore', timeout: 5_000 });
    }
    await vi.waitFor(async () => expect((await recording(SHORT.id)).status).toBe(200), {
      timeout: 60_000,
      interval: 500,
    });
    const kept = path.join(recordings, `${SHORT.id}.mp3`);
    await vi.waitFor(() => expect(existsSync(factsFileOf(kept))).toBe(true), {
      timeout: 60_000,
      interval: 100,
    });
  }, 180_000);
});
