import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTrataTimestamp } from '../../contract';
import { createRecordingLocator } from '../app-server/recording-source';
import { registerRecordingRoutes } from '../app-server/recording-routes';
import { createUpstream, type Upstream } from '../app-server/upstream';
import { loadConfig } from '../config';
import { startDemoApi, type DemoApi } from '../demo/start-demo-api';
import { createGuardedRecordingFetch } from '../upstream-fetch/recording-fetch';
import { stopPeaksWorker } from './peaks';
import { createFileCache } from './recording-cache';

/**
 * A conversation POSTed with an end time a day or ten years after its start once made the demo
 * storage host synthesize until memory ran out (or fail on a typed array too long to exist).
 * Both must now be refused in words, at once, through the app server too.
 */
const TOKEN = 'limit-test-token';
const START_MS = Date.UTC(2026, 10, 20, 9, 30, 0);
const DAY_S = 24 * 3600;
/** Generous on a busy machine; the old code took 20 s and more, or never answered. */
const QUICK_MS = 10_000;
const RSS_GROWTH_LIMIT = 100 * 1024 * 1024;

const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-limit-'));
let demo: DemoApi;
let upstream: Upstream;
let app: FastifyInstance;
let fetchRecording: ReturnType<typeof createGuardedRecordingFetch>;

async function postConversation(id: string, seconds: number): Promise<void> {
  const stamp = (offset: number) => formatTrataTimestamp(START_MS + offset * 1000);
  const response = await fetch(`${demo.origin}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      id,
      timestampStart: stamp(0),
      timestampEnd: stamp(seconds),
      transcriptText: [
        { speaker: 'AI', message: 'Hello, how can I help?', timestamp: stamp(1), message_id: 'a' },
        { speaker: 'USER', message: 'Still here.', timestamp: stamp(seconds - 5), message_id: 'b' },
      ],
      transcriptRecordingUrl: `${demo.origin}/recordings/${id}.mp3`,
    }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  const config = loadConfig({
    DATA_DIR: path.join(dir, 'data'),
    DEMO_API_PORT: '0',
    DEMO_API_TOKEN: TOKEN,
    DEMO_CONVERSATIONS: '1',
  });
  demo = await startDemoApi(config, false);
  // Port 0 in the config: the origin is the port the demo API actually listens on.
  const address = demo.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  demo = { ...demo, origin: `http://127.0.0.1:${port}` };
  upstream = createUpstream({ baseUrl: demo.origin, token: TOKEN, timeoutMs: 20_000 });
  fetchRecording = createGuardedRecordingFetch({
    allowedHosts: [],
    trustedOrigins: [demo.origin],
  });
  app = Fastify();
  const prefix = `${demo.origin}/recordings/`;
  registerRecordingRoutes(app, {
    locate: createRecordingLocator(upstream),
    fetchRecording,
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
    // As main.ts wires the demo: the storage host serves the waveform beside the recording.
    storagePeaksUrl: (url) =>
      url.startsWith(prefix) && url.endsWith('.mp3') ? `${url.slice(0, -4)}.peaks.json` : null,
  });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fetchRecording?.close();
  await upstream?.close();
  await demo?.close();
  await stopPeaksWorker();
  rmSync(dir, { recursive: true, force: true });
});

describe('a conversation longer than the recording limit', () => {
  it.each([
    { name: 'a day', id: 'con.1763631000.DAYLONG1', seconds: DAY_S, words: '24 h 0 min' },
    {
      name: 'ten years',
      id: 'con.1763631000.DECADE01',
      seconds: 3_652 * DAY_S,
      words: '87,648 h 0 min',
    },
  ])(
    'spanning $name is refused in words, quickly and without memory',
    async ({ id, seconds, words }) => {
      await postConversation(id, seconds);
      const rssBefore = process.memoryUsage().rss;
      const expected = `This call lasts ${words}; recordings longer than 4 h 0 min are not made.`;

      for (const file of [`${id}.mp3`, `${id}.peaks.json`]) {
        const started = performance.now();
        const response = await fetch(`${demo.origin}/recordings/${file}`, {
          signal: AbortSignal.timeout(QUICK_MS),
        });
        expect(performance.now() - started).toBeLessThan(QUICK_MS);
        expect(response.status, file).toBe(422);
        expect(await response.json()).toEqual({ detail: expected });
      }

      for (const route of ['recording', 'peaks']) {
        const started = performance.now();
        const response = await app.inject({ url: `/api/conversations/${id}/${route}` });
        expect(performance.now() - started, route).toBeLessThan(QUICK_MS);
        expect(response.statusCode, route).toBe(422);
        expect(response.json(), route).toEqual({ detail: expected });
        expect(response.headers['content-type']).toMatch(/^application\/json/);
      }

      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(RSS_GROWTH_LIMIT);
    },
    4 * QUICK_MS + 10_000,
  );

  it('a call within the limit is still made', async () => {
    const id = 'con.1763631000.SHORTOK1';
    await postConversation(id, 12);
    const response = await app.inject({ url: `/api/conversations/${id}/recording` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('audio/mpeg');
  }, 60_000);
});
