import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peaksSchema, type Peaks } from '../../contract';
import { registerRecordingRoutes } from '../app-server/recording-routes';
import { peaksOfMp3 } from './decode-peaks';
import { registerDemoRecordingRoutes } from './demo-recording-routes';
import { createFileCache } from './recording-cache';
import { synthesizeInline } from './synthesize';
import { SHORT_CALL } from './testing/fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-growing-peaks-'));
let demo: FastifyInstance;
let app: FastifyInstance;
let origin = '';
let openGate = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));
let synthesized: { mp3: Uint8Array; pairs: Int8Array[] };

beforeAll(async () => {
  const pairs: Int8Array[] = [];
  synthesized = {
    mp3: await synthesizeInline(SHORT_CALL, { onPeaks: (p) => pairs.push(p) }),
    pairs,
  };
  demo = Fastify();
  registerDemoRecordingRoutes(demo, {
    getConversation: (id) => (id === SHORT_CALL.id ? SHORT_CALL : null),
    cache: createFileCache(path.join(dir, 'recordings'), '.mp3'),
    peaksCache: createFileCache(path.join(dir, 'recordings'), '.peaks.json'),
    // The real synthesis, replayed: its first line at once, the rest when the test says so.
    synthesize: async (_conversation, { onChunk, onPeaks } = {}) => {
      const { mp3 } = synthesized;
      onPeaks?.(pairs[0]!);
      onChunk?.(mp3.subarray(0, 1_000));
      await gate;
      for (const more of pairs.slice(1)) onPeaks?.(more);
      onChunk?.(mp3.subarray(1_000));
      return mp3;
    },
  });
  await demo.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(demo.server.address() as AddressInfo).port}`;
  app = Fastify();
  registerRecordingRoutes(app, {
    locate: async (id) => ({ url: `${origin}/recordings/${id}.mp3` }),
    fetchRecording: (url, init) => fetch(url, init),
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
    storagePeaksUrl: (url) => `${url.slice(0, -4)}.peaks.json`,
  });
  await app.ready();
});

afterAll(async () => {
  openGate();
  await app.close();
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

const appPeaks = async () => {
  const response = await app.inject({ url: `/api/conversations/${SHORT_CALL.id}/peaks` });
  expect(response.statusCode).toBe(200);
  return { peaks: peaksSchema.parse(response.json()), cache: response.headers['cache-control'] };
};

describe('peaks made while synthesizing', () => {
  it('match the peaks decoded from the finished MP3', async () => {
    const { mp3, pairs } = synthesized;
    const fromPcm = pairs.flatMap((p) => [...p]);
    const decoded: Peaks = await peaksOfMp3(mp3);
    // The decoder's count includes the encoder's padding of the last frame.
    expect(Math.abs(fromPcm.length / 2 - decoded.length)).toBeLessThanOrEqual(4);
    const difference = fromPcm
      .slice(0, decoded.data.length)
      .reduce((sum, value, i) => sum + Math.abs(value - decoded.data[i]!), 0);
    // The codec smooths a little; on average a point differs by less than 3 of 128.
    expect(difference / fromPcm.length).toBeLessThan(3);
  });

  it('exist before synthesis ends, grow, and are kept whole once it does', async () => {
    // Asking for the waveform first starts the recording, as a player may.
    const early = await appPeaks();
    expect(early.peaks.complete).toBe(false);
    expect(early.cache).toBe('no-store');
    expect(early.peaks.length).toBe(synthesized.pairs[0]!.length / 2);
    expect(early.peaks.length).toBeGreaterThan(0);
    expect(early.peaks.duration).toBe(30);

    openGate();
    const whole = await fetch(`${origin}/recordings/${SHORT_CALL.id}.mp3`);
    expect(whole.status).toBe(200);
    await whole.arrayBuffer();
    const done = await appPeaks();
    expect(done.peaks.complete).toBe(true);
    expect(done.peaks.length * 2).toBe(synthesized.pairs.reduce((n, p) => n + p.length, 0));
    expect(done.cache).toBe('private, max-age=86400');
    const stored = await fetch(`${origin}/recordings/${SHORT_CALL.id}.peaks.json`);
    expect(peaksSchema.parse(await stored.json()).complete).toBe(true);
  });
});
