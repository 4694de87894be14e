import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileCache } from '../recordings/recording-cache';
import { synthesizeInline } from '../recordings/synthesize';
import { conversationOf } from '../recordings/testing/fixtures';
import { registerRecordingRoutes } from './recording-routes';

/**
 * The app server decodes the waveform of a recording on another host as the bytes arrive. It
 * used to read the whole file into memory first: a host that never stops sending held the
 * request (and its memory) until the two-minute timeout. Now the transfer is cut at the size
 * limit and the answer is a 502 in words at once.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-peaks-stream-'));
const LIMIT = 512 * 1024;
let storage: FastifyInstance;
let app: FastifyInstance;
let endlessBytesSent = 0;
let endlessClosed: Promise<void>;

beforeAll(async () => {
  const mp3 = Buffer.from(
    await synthesizeInline(
      conversationOf('con.1.ENDLESS', [{ at: 0.2, speaker: 'AI', text: 'Again.' }], 2),
    ),
  );
  storage = Fastify();
  storage.get('/endless.mp3', async (request, reply) => {
    endlessClosed = new Promise((resolve) => request.raw.socket.once('close', () => resolve()));
    // The same MP3 over and over, for as long as anyone reads.
    const forever = Readable.from(
      (function* () {
        for (;;) {
          endlessBytesSent += mp3.length;
          yield mp3;
        }
      })(),
    );
    return reply.type('audio/mpeg').send(forever);
  });
  await storage.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(storage.server.address() as AddressInfo).port}`;
  app = Fastify();
  registerRecordingRoutes(app, {
    locate: async () => ({ url: `${origin}/endless.mp3` }),
    fetchRecording: (url, init) => fetch(url, init),
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json', { log: { warn: () => {} } }),
    maxRecordingBytes: LIMIT,
  });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await storage?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the waveform of a recording on another host', () => {
  it('stops reading a file past the size limit and says so at once', async () => {
    const started = performance.now();
    const response = await app.inject({ url: '/api/conversations/con.1.ENDLESS/peaks' });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({
      detail: 'The recording is larger than the server accepts.',
    });
    expect(performance.now() - started).toBeLessThan(30_000);
    // The upstream transfer was cancelled, not left running in the background.
    await endlessClosed;
    expect(endlessBytesSent).toBeLessThan(LIMIT * 8);
  }, 60_000);
});
