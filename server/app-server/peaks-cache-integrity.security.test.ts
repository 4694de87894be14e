import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { peaksSchema } from '../../contract';
import { createFileCache, type FileCache } from '../recordings/recording-cache';
import { synthesizeInline } from '../recordings/synthesize';
import { conversationOf } from '../recordings/testing/fixtures';
import { registerRecordingRoutes } from './recording-routes';

/**
 * The app server decodes the waveform of a recording kept on another host and keeps it in
 * `DATA_DIR/peaks`. A damaged file there was served as invalid JSON with `max-age=86400`; now it
 * is made again from the recording. Each "start" is a new app over the same folder, as after a
 * restart; the storage host is a real server on a socket.
 */
const CALL = conversationOf(
  'con.1763631000.PEAKSDMG',
  [{ at: 0.3, speaker: 'AI', text: 'A waveform worth keeping whole.' }],
  4,
);

const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-peaks-damage-'));
const warnings: string[] = [];
let storage: FastifyInstance;
let storageFetches = 0;
let app: FastifyInstance | undefined;
let cache: FileCache;
let recordingUrl = '';

async function start(): Promise<void> {
  await app?.close();
  cache = createFileCache(path.join(dir, 'peaks'), '.json', {
    log: { warn: (message) => warnings.push(message) },
  });
  app = Fastify();
  registerRecordingRoutes(app, {
    locate: async () => ({ url: recordingUrl }),
    fetchRecording: (url, init) => fetch(url, init),
    peaksCache: cache,
  });
  await app.ready();
}

async function peaks(): Promise<{ status: number; body: string }> {
  const response = await app!.inject({ url: `/api/conversations/${CALL.id}/peaks` });
  return { status: response.statusCode, body: response.body };
}

async function keptFile(): Promise<string> {
  const file = await cache.peek(urlKey());
  if (!file) throw new Error('no peaks kept');
  return file.path;
}

/** The cache's key for a recording's waveform: the hash of its URL, as the route uses. */
const urlKey = () => createHash('sha256').update(recordingUrl).digest('hex');

beforeAll(async () => {
  const mp3 = await synthesizeInline(CALL);
  storage = Fastify();
  storage.get('/call.mp3', async (_request, reply) => {
    storageFetches++;
    return reply.type('audio/mpeg').send(Buffer.from(mp3));
  });
  await storage.listen({ port: 0, host: '127.0.0.1' });
  recordingUrl = `http://127.0.0.1:${(storage.server.address() as AddressInfo).port}/call.mp3`;
  await start();
  const first = await peaks();
  expect(first.status).toBe(200);
}, 60_000);

afterEach(() => {
  warnings.length = 0;
});

afterAll(async () => {
  await app?.close();
  await storage?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a damaged file in the app server’s peaks cache', () => {
  it.each([
    {
      damage: 'cut to half',
      spoil: (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2)),
      why: /is damaged: it holds \d+ bytes, but \d+ were written/,
    },
    {
      damage: 'random bytes of the same size',
      spoil: (file: string) => writeFileSync(file, randomBytes(statSync(file).size)),
      why: /is damaged: its bytes do not match the checksum/,
    },
    {
      damage: 'foreign bytes',
      spoil: (file: string) => writeFileSync(file, '<script>alert(1)</script>'),
      why: /is damaged: it holds 25 bytes/,
    },
  ])(
    '$damage is made again from the recording and served as valid JSON',
    async ({ spoil, why }) => {
      spoil(await keptFile());
      const fetchesBefore = storageFetches;
      await start();
      const answer = await peaks();
      expect(answer.status).toBe(200);
      expect(peaksSchema.parse(JSON.parse(answer.body)).duration).toBeGreaterThan(3.9);
      expect(storageFetches).toBe(fetchesBefore + 1);
      expect(warnings.join('\n')).toMatch(why);
    },
    60_000,
  );
});
