import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { MPEGDecoder } from 'mpg123-decoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peaksSchema } from '../../contract';
import { registerRecordingRoutes } from '../app-server/recording-routes';
import { createRecordingFetch } from '../app-server/recording-source';
import {
  generateConversations,
  NO_RECORDING_EXAMPLE_ID,
  SEED_EXAMPLE_ID,
} from '../demo-data/generate';
import { registerDemoRecordingRoutes } from './demo-recording-routes';
import { callSeconds, utterancesOf } from './render-call';
import { createFileCache } from './recording-cache';
import { synthesizeInline } from './synthesize';

const conversations = [
  ...generateConversations({
    count: 40,
    seed: 3,
    now: new Date('2026-11-20T00:00:00Z'),
    recordingOrigin: 'http://placeholder',
  }),
];
const short = conversations.find(
  (c) =>
    c.id !== SEED_EXAMPLE_ID &&
    c.transcriptRecordingUrl &&
    callSeconds(c) < 70 &&
    (c.transcriptText?.length ?? 0) >= 4,
)!;
const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-recordings-'));
let renders = 0;
let demo: FastifyInstance;
let app: FastifyInstance;
let origin = '';

beforeAll(async () => {
  demo = Fastify();
  registerDemoRecordingRoutes(demo, {
    getConversation: (id) => conversations.find((c) => c.id === id) ?? null,
    cache: createFileCache(path.join(dir, 'recordings'), '.mp3'),
    synthesize: async (conversation) => {
      renders++;
      return synthesizeInline(conversation);
    },
  });
  await demo.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(demo.server.address() as AddressInfo).port}`;
  app = Fastify();
  registerRecordingRoutes(app, {
    locate: async (id) =>
      conversations.find((c) => c.id === id)?.transcriptRecordingUrl
        ? `${origin}/recordings/${id}.mp3`
        : null,
    fetchRecording: createRecordingFetch({ allowedHosts: [], trustedOrigins: [origin] }),
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
  });
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app.close();
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function decode(bytes: Uint8Array) {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const result = decoder.decode(bytes);
  decoder.free();
  return {
    samples: result.channelData[0]!.subarray(0, result.samplesDecoded),
    rate: result.sampleRate,
  };
}

function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  const start = Math.max(0, Math.floor(from));
  const end = Math.min(samples.length, Math.floor(to));
  for (let i = start; i < end; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / Math.max(1, end - start));
}

/** Zero-crossing rate over voiced frames: a cheap, robust stand-in for pitch and brightness. */
function zeroCrossingRate(samples: Float32Array, from: number, to: number): number {
  let crossings = 0;
  let voiced = 0;
  for (let frame = Math.floor(from); frame + 256 < Math.min(to, samples.length); frame += 256) {
    if (rms(samples, frame, frame + 256) < 0.02) continue;
    voiced += 256;
    for (let i = frame + 1; i < frame + 256; i++)
      if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
  }
  return crossings / Math.max(1, voiced);
}

async function fetchRecording(id: string, range?: string) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/conversations/${id}/recording`,
    headers: range ? { range } : {},
  });
  return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
}

describe('demo recordings', () => {
  it('speaks every message at its offset, silent in long gaps, for exactly the call length', async () => {
    const { body, status } = await fetchRecording(short.id);
    expect(status).toBe(200);
    const { samples, rate } = await decode(new Uint8Array(body));
    expect(Math.abs(samples.length / rate - callSeconds(short))).toBeLessThan(0.05);
    const utterances = utterancesOf(short);
    for (const utterance of utterances) {
      const at = utterance.offsetSeconds * rate;
      expect(rms(samples, at, at + 0.3 * rate)).toBeGreaterThan(0.01);
    }
    for (let i = 1; i < utterances.length; i++) {
      const gap = utterances[i]!.offsetSeconds - utterances[i - 1]!.offsetSeconds;
      // The gap after the previous line's speech: check the last second before the next line.
      if (gap > 2 + 0.5 * utterances[i - 1]!.text.split(' ').length) {
        const next = utterances[i]!.offsetSeconds * rate;
        expect(rms(samples, next - 0.9 * rate, next - 0.1 * rate)).toBeLessThan(0.005);
      }
    }
  });

  it('gives the agent and the caller measurably different voices', async () => {
    const { samples, rate } = await decode(new Uint8Array((await fetchRecording(short.id)).body));
    const span = (speaker: string) =>
      utterancesOf(short)
        .filter((u) => u.speaker === speaker)
        .map((u) =>
          zeroCrossingRate(samples, u.offsetSeconds * rate, (u.offsetSeconds + 1.5) * rate),
        );
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean(span('AI')) - mean(span('USER')))).toBeGreaterThan(0.01);
  });

  it('honours Range: first bytes, last bytes, a suffix, and refuses an invalid range', async () => {
    const full = await fetchRecording(short.id);
    const size = full.body.length;
    const first = await fetchRecording(short.id, 'bytes=0-99');
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${size}`);
    expect(first.headers['content-length']).toBe('100');
    expect(first.headers['accept-ranges']).toBe('bytes');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toContain('max-age');
    expect(Buffer.compare(first.body, full.body.subarray(0, 100))).toBe(0);
    const last = await fetchRecording(short.id, `bytes=${size - 10}-${size - 1}`);
    expect(Buffer.compare(last.body, full.body.subarray(size - 10))).toBe(0);
    const suffix = await fetchRecording(short.id, 'bytes=-500');
    expect(suffix.headers['content-range']).toBe(`bytes ${size - 500}-${size - 1}/${size}`);
    expect(Buffer.compare(suffix.body, full.body.subarray(size - 500))).toBe(0);
    const invalid = await fetchRecording(short.id, `bytes=${size + 10}-`);
    expect(invalid.status).toBe(416);
  });

  it('answers 404 for a call without a recording', async () => {
    expect((await fetchRecording(NO_RECORDING_EXAMPLE_ID)).status).toBe(404);
  });

  it('runs one synthesis for concurrent first requests, and none on a cache hit', async () => {
    const target = conversations.find(
      (c) =>
        c !== short && c.id !== SEED_EXAMPLE_ID && c.transcriptRecordingUrl && callSeconds(c) < 60,
    )!;
    const before = renders;
    const [a, b] = await Promise.all([
      fetch(`${origin}/recordings/${target.id}.mp3`),
      fetch(`${origin}/recordings/${target.id}.mp3`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(
      Buffer.compare(Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer())),
    ).toBe(0);
    expect(renders - before).toBe(1);
    await fetch(`${origin}/recordings/${target.id}.mp3`);
    expect(renders - before).toBe(1);
  });

  it('serves peaks whose length fits the duration', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/conversations/${short.id}/peaks`,
    });
    expect(response.statusCode).toBe(200);
    const peaks = peaksSchema.parse(response.json());
    expect(Math.abs(peaks.duration - callSeconds(short))).toBeLessThan(0.05);
    expect(peaks.length).toBe(
      Math.ceil((peaks.duration * peaks.sample_rate) / peaks.samples_per_pixel),
    );
    expect(peaks.data).toHaveLength(peaks.length * 2);
    expect(Math.max(...peaks.data)).toBeGreaterThan(10);
    const again = await app.inject({
      method: 'GET',
      url: `/api/conversations/${short.id}/peaks`,
      headers: { 'if-none-match': response.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });
});
