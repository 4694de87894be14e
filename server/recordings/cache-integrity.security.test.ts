import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { peaksSchema } from '../../contract';
import { sniffAudioType } from '../upstream-fetch/audio-type';
import { factsFileOf, readFacts, sha256OfFile } from './cache-integrity';
import { recordingBytes } from './synthesize';
import { startDemoProcess, type DemoProcess } from './testing/demo-process';
import { conversationOf } from './testing/fixtures';

/**
 * A recording cut to half was served with the short length, random bytes were served as
 * audio/mpeg, and a cut waveform as invalid JSON kept for a day. Each kept file now has its size
 * and checksum beside it: a damaged one is made again, the reason logged, and served whole.
 * The demo storage host runs in its own process; a restart is a new process over the same files.
 */
const CALL = conversationOf(
  'con.1763631000.CACHEDMG',
  [
    { at: 0.4, speaker: 'AI', text: 'Thanks for calling, how can I help?' },
    { at: 3.5, speaker: 'USER', text: 'I need to move my appointment.' },
  ],
  8,
);
const SIZE = recordingBytes(CALL);
const FOREIGN = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');

const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-cache-damage-'));
const kept = path.join(dir, 'recordings');
const mp3File = path.join(kept, `${CALL.id}.mp3`);
const peaksFile = path.join(kept, `${CALL.id}.peaks.json`);
let demo: DemoProcess;

async function restart(): Promise<void> {
  await demo.server.stop();
  demo = await startDemoProcess(dir);
}

/** Asks for the recording and its waveform; both must come back whole and valid. */
async function expectServedWhole(): Promise<void> {
  const audio = await demo.get(`${CALL.id}.mp3`);
  expect(audio.status).toBe(200);
  expect(audio.body.length).toBe(SIZE);
  expect(sniffAudioType(audio.body)?.contentType).toBe('audio/mpeg');
  expect(audio.body.includes(FOREIGN)).toBe(false);
  const peaks = await demo.get(`${CALL.id}.peaks.json`);
  expect(peaks.status).toBe(200);
  expect(peaksSchema.parse(JSON.parse(peaks.body.toString())).duration).toBeGreaterThan(7.9);
  await expectKeptWhole();
}

/** What is on disk matches the size and checksum recorded beside it. */
async function expectKeptWhole(): Promise<void> {
  for (const file of [mp3File, peaksFile]) {
    await vi.waitFor(() => expect(existsSync(factsFileOf(file)), file).toBe(true), {
      timeout: 30_000,
      interval: 50,
    });
    const facts = await readFacts(file);
    expect(statSync(file).size).toBe(facts?.size);
    expect(await sha256OfFile(file)).toBe(facts?.sha256);
  }
}

const damagedLine = (file: string, why: RegExp) =>
  demo.server.waitForLine(
    new RegExp(`${path.basename(file).replace(/\./g, '\\.')} is damaged: ${why.source}`),
  );

beforeAll(async () => {
  demo = await startDemoProcess(dir);
  await demo.post(CALL);
  await expectServedWhole();
}, 120_000);

afterAll(async () => {
  await demo?.server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a damaged file in the recordings cache', () => {
  it('cut to half is found on the next request, made again and served whole', async () => {
    truncateSync(mp3File, Math.floor(SIZE / 2));
    truncateSync(peaksFile, Math.floor(statSync(peaksFile).size / 2));
    await expectServedWhole();
    await damagedLine(mp3File, /it holds \d+ bytes, but \d+ were written/);
    await damagedLine(peaksFile, /it holds \d+ bytes, but \d+ were written/);
  }, 120_000);

  it('random bytes of the same size are found by the checksum at the next start', async () => {
    const noise = randomBytes(SIZE);
    // An MP3 frame sync in front: the bytes look like audio to a sniffer, not to the checksum.
    noise.set([0xff, 0xf3, 0x44, 0xc4]);
    writeFileSync(mp3File, noise);
    writeFileSync(peaksFile, randomBytes(statSync(peaksFile).size));
    await restart();
    await expectServedWhole();
    await damagedLine(mp3File, /its bytes do not match the checksum/);
    await damagedLine(peaksFile, /its bytes do not match the checksum/);
    expect(readFileSync(mp3File).equals(noise)).toBe(false);
  }, 120_000);

  it('foreign bytes (a page with a script) are never served as the recording', async () => {
    writeFileSync(mp3File, FOREIGN);
    writeFileSync(peaksFile, FOREIGN);
    await restart();
    await expectServedWhole();
  }, 120_000);

  it('a file with no size and checksum recorded (an older cache) is made again', async () => {
    rmSync(factsFileOf(mp3File));
    await restart();
    await expectServedWhole();
    await damagedLine(mp3File, /no size and checksum were recorded/);
  }, 120_000);
});
