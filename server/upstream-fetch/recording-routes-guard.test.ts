import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerRecordingRoutes } from '../app-server/recording-routes';
import { createFileCache } from '../recordings/recording-cache';
import { createGuardedRecordingFetch } from './recording-fetch';
import { startStubServer, type StubServer } from './testing/stub-server';

let app: FastifyInstance | undefined;
let stub: StubServer | undefined;
let dir = '';

afterEach(async () => {
  await app?.close();
  await stub?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The app server's recording routes with the guard plugged in, as main.ts wires them. */
async function appWith(urls: Record<string, string>, trustedOrigins: string[]) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-guard-'));
  const fetchRecording = createGuardedRecordingFetch({
    allowedHosts: ['storage.googleapis.com'],
    trustedOrigins,
  });
  app = Fastify();
  registerRecordingRoutes(app, {
    locate: async (id) => (urls[id] ? { url: urls[id] } : null),
    fetchRecording,
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
  });
  app.addHook('onClose', () => fetchRecording.close());
  await app.ready();
  return app;
}

describe('recording routes behind the guard', () => {
  it('answers 502 with the reason for a refused recording URL and never fetches it', async () => {
    stub = await startStubServer();
    const server = await appWith(
      {
        metadata: 'http://169.254.169.254/latest/meta-data/',
        loopback: `${stub.origin}/recordings/a.mp3`,
        plain: 'http://storage.googleapis.com/bucket/a.mp3',
      },
      [],
    );
    for (const id of ['metadata', 'loopback', 'plain']) {
      const response = await server.inject({ url: `/api/conversations/${id}/recording` });
      expect(response.statusCode, id).toBe(502);
      expect(response.json<{ detail: string }>().detail).toMatch(/recording URL was refused/);
      const peaks = await server.inject({ url: `/api/conversations/${id}/peaks` });
      expect(peaks.statusCode, id).toBe(502);
    }
    expect(stub.seen).toEqual([]);
  });

  it('streams a Range of a recording from the configured demo origin', async () => {
    stub = await startStubServer((request, response) => {
      expect(request.headers.range).toBe('bytes=0-3');
      response.writeHead(206, {
        'content-type': 'audio/mpeg',
        'content-range': 'bytes 0-3/10',
        'content-length': '4',
        'accept-ranges': 'bytes',
      });
      response.end('ID3x');
    });
    const server = await appWith({ call: `${stub.origin}/recordings/call.mp3` }, [stub.origin]);
    const response = await server.inject({
      url: '/api/conversations/call/recording',
      headers: { range: 'bytes=0-3' },
    });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe('bytes 0-3/10');
    expect(response.body).toBe('ID3x');
  });

  it('says a missing file is missing, and a file that is not audio cannot be decoded', async () => {
    stub = await startStubServer((request, response) => {
      if (request.url === '/recordings/gone.mp3') {
        response.writeHead(404, { 'content-type': 'application/xml' });
        response.end('<Error><Code>NoSuchKey</Code></Error>');
        return;
      }
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.end('this is not an mp3 file at all '.repeat(50));
    });
    const server = await appWith(
      { gone: `${stub.origin}/recordings/gone.mp3`, junk: `${stub.origin}/recordings/junk.mp3` },
      [stub.origin],
    );
    for (const route of ['recording', 'peaks']) {
      const gone = await server.inject({ url: `/api/conversations/gone/${route}` });
      expect(gone.statusCode, route).toBe(404);
    }
    const peaks = await server.inject({ url: '/api/conversations/junk/peaks' });
    expect(peaks.statusCode).toBe(502);
    expect(peaks.json<{ detail: string }>().detail).toBe(
      'The recording is not audio that can be decoded.',
    );
  });
});
