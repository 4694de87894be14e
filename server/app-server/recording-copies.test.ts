import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileCache } from '../recordings/recording-cache';
import { createGuardedRecordingFetch } from '../upstream-fetch/recording-fetch';
import { startStubServer, type StubServer } from '../upstream-fetch/testing/stub-server';
import { createRecordingCopies } from './recording-copies';
import { registerRecordingRoutes } from './recording-routes';

let app: FastifyInstance | undefined;
let storage: StubServer | undefined;
let dir = '';

afterEach(async () => {
  await app?.close();
  await storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = storage = undefined;
});

// An ID3 tag, then bytes: audio by its first bytes, which is all a copy is checked for.
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(4_000, 7)]);

async function setUp(withCopies: boolean) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-copies-'));
  storage = await startStubServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': MP3.length });
    response.end(MP3);
  });
  const fetchRecording = createGuardedRecordingFetch({
    allowedHosts: [],
    trustedOrigins: [storage.origin],
  });
  const copies = createRecordingCopies({
    dir: path.join(dir, 'copies'),
    fetchRecording,
    maxBytes: 1_000_000,
  });
  const url = `${storage.origin}/recordings/call.mp3`;
  app = Fastify();
  registerRecordingRoutes(app, {
    locate: async (id) => (id === 'call' ? { url, fileName: (ext) => `call.${ext}` } : null),
    fetchRecording,
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
    ...(withCopies ? { copies } : {}),
  });
  app.addHook('onClose', () => fetchRecording.close());
  await app.ready();
  return { server: app, copies, url, storage };
}

describe('copies of played recordings', () => {
  it('keep a played recording playing, by range, once its storage host is gone', async () => {
    const { server, copies, url, storage: host } = await setUp(true);
    const played = await server.inject({ url: '/api/conversations/call/recording' });
    expect(played.statusCode).toBe(200);
    while ((await copies.find(url)) === null) await new Promise((resolve) => setImmediate(resolve));
    await host.close();

    const whole = await server.inject({ url: '/api/conversations/call/recording' });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(MP3)).toBe(true);
    expect(whole.headers['content-type']).toBe('audio/mpeg');
    expect(whole.headers['content-disposition']).toBe('inline; filename="call.mp3"');
    expect(whole.headers['x-content-type-options']).toBe('nosniff');

    const part = await server.inject({
      url: '/api/conversations/call/recording',
      headers: { range: 'bytes=3-9' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 3-9/${MP3.length}`);
    expect(part.rawPayload.equals(MP3.subarray(3, 10))).toBe(true);
  });

  it('without copies, a gone storage host is a 502 that says why', async () => {
    const { server, storage: host } = await setUp(false);
    expect((await server.inject({ url: '/api/conversations/call/recording' })).statusCode).toBe(
      200,
    );
    await host.close();
    const response = await server.inject({ url: '/api/conversations/call/recording' });
    expect(response.statusCode).toBe(502);
    expect(response.json<{ detail: string }>().detail).toMatch(/could not be reached/);
  });

  it('never keeps a file that is not audio', async () => {
    const { copies } = await setUp(true);
    storage!.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.end('<html>not audio</html>');
    });
    const url = `${storage!.origin}/recordings/page.mp3`;
    copies.keep(url);
    // The failed copy is remembered; a second keep does not fetch again.
    while (storage!.seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    copies.keep(url);
    expect(await copies.find(url)).toBeNull();
  });
});
