import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileCache } from '../recordings/recording-cache';
import { encodeMp3 } from '../recordings/encode-mp3';
import { loadSecurityConfig } from '../security/security-config';
import { createGuardedRecordingFetch } from '../upstream-fetch/recording-fetch';
import { startStubServer, type StubServer } from '../upstream-fetch/testing/stub-server';
import { createAppServer } from './create-app-server';
import { registerRecordingRoutes } from './recording-routes';
import type { Upstream } from './upstream';

/**
 * A storage host the operator trusts serves an HTML page, a script and a polyglot as
 * "recordings". The app server, wired as main.ts wires it (security headers included), must
 * never hand them to the browser as anything but refused or inert audio.
 */
const MP3 = Buffer.from(encodeMp3(new Int16Array(11_025 * 2), 11_025));
const PAGE =
  '<!doctype html><script>fetch("/v1/conversations").then(r=>r.text()).then(alert)</script>';
const SCRIPT = 'fetch("/v1/conversations", { method: "PUT" })';
const UPSTREAM_HEADERS = {
  'set-cookie': 'session=stolen; Path=/',
  'content-security-policy': "script-src 'unsafe-inline'",
  'access-control-allow-origin': '*',
  'x-upstream-secret': 'leaked',
  etag: '"upstream-etag"',
  'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT',
  'cache-control': 'public, max-age=31536000',
  'content-disposition': 'inline; filename="evil.html"',
};
const FILES: Record<string, { type: string; body: Buffer }> = {
  '/page.html': { type: 'text/html; charset=utf-8', body: Buffer.from(PAGE) },
  '/script.js': { type: 'application/javascript', body: Buffer.from(SCRIPT) },
  '/page-as-audio.mp3': { type: 'audio/mpeg', body: Buffer.from(PAGE) },
  '/script-as-binary.mp3': { type: 'application/octet-stream', body: Buffer.from(SCRIPT) },
  '/polyglot.mp3': { type: 'text/html', body: Buffer.concat([Buffer.from('ID3'), MP3]) },
  '/call.mp3': { type: 'audio/mpeg', body: MP3 },
  '/call-untyped.mp3': { type: 'binary/octet-stream', body: MP3 },
};

function serveFile(url: string, range: string | undefined, response: ServerResponse) {
  const file = FILES[url];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  const match = /^bytes=(\d+)-(\d*)$/.exec(range ?? '');
  const start = match ? Number(match[1]) : 0;
  const end = match?.[2] ? Number(match[2]) : file.body.length - 1;
  const headers = { ...UPSTREAM_HEADERS, 'content-type': file.type, 'accept-ranges': 'bytes' };
  if (match) {
    response.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${file.body.length}`,
      'content-length': end - start + 1,
    });
  } else response.writeHead(200, { ...headers, 'content-length': file.body.length });
  response.end(file.body.subarray(start, end + 1));
}

let storage: StubServer;
let app: FastifyInstance;
let dir = '';

beforeAll(async () => {
  storage = await startStubServer((request, response) =>
    serveFile(request.url, request.headers.range as string | undefined, response),
  );
  dir = mkdtempSync(path.join(os.tmpdir(), 'callscope-xss-'));
  const upstream = { close: async () => undefined } as unknown as Upstream;
  app = await createAppServer({ upstream, security: loadSecurityConfig({}) });
  const fetchRecording = createGuardedRecordingFetch({
    allowedHosts: ['storage.googleapis.com'],
    trustedOrigins: [storage.origin],
  });
  registerRecordingRoutes(app, {
    locate: async (id) => ({
      url: `${storage.origin}/${id}`,
      fileName: (extension) => `dana_2026-01-05_${id.replace(/\W/g, '-')}.${extension}`,
    }),
    fetchRecording,
    peaksCache: createFileCache(path.join(dir, 'peaks'), '.json'),
  });
  app.addHook('onClose', () => fetchRecording.close());
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const recording = (file: string, headers: Record<string, string> = {}) =>
  app.inject({ url: `/api/conversations/${encodeURIComponent(file)}/recording`, headers });

describe('a recording that is not audio', () => {
  it.each(['page.html', 'script.js'])(
    'refuses %s by its declared type, with a 502 in words',
    async (file) => {
      const response = await recording(file);
      expect(response.statusCode).toBe(502);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json<{ detail: string }>().detail).toMatch(/not audio, so it is not served/);
      expect(response.body).not.toContain('<script>');
    },
  );

  it.each(['page-as-audio.mp3', 'script-as-binary.mp3'])(
    'refuses %s by its first bytes, whatever type the host declares',
    async (file) => {
      for (const range of [undefined, 'bytes=0-', 'bytes=10-20']) {
        const response = await recording(file, range ? { range } : {});
        expect(response.statusCode, range).toBe(502);
        expect(response.json<{ detail: string }>().detail).toMatch(
          /first bytes are not MP3, WAV, Ogg, M4A or WebM/,
        );
      }
    },
  );

  it('refuses a file with audio bytes that its host calls a page', async () => {
    expect((await recording('polyglot.mp3')).statusCode).toBe(502);
  });
});

describe('a recording that is audio', () => {
  it.each(['call.mp3', 'call-untyped.mp3'])(
    'serves %s as inert audio, with only range and length facts from its host',
    async (file) => {
      for (const range of [undefined, 'bytes=0-99', 'bytes=500-']) {
        const response = await recording(file, range ? { range } : {});
        expect(response.statusCode, range).toBe(range ? 206 : 200);
        expect(response.headers['content-type']).toBe('audio/mpeg');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
        expect(response.headers['content-disposition']).toBe(
          `inline; filename="dana_2026-01-05_${file.replace(/\W/g, '-')}.mp3"`,
        );
        expect(response.headers['cache-control']).toBe('private, max-age=86400');
        for (const leaked of ['set-cookie', 'access-control-allow-origin', 'x-upstream-secret'])
          expect(response.headers[leaked], leaked).toBeUndefined();
        expect(response.headers.etag).toBeUndefined();
        expect(response.headers['last-modified']).toBeUndefined();
        expect(response.headers['accept-ranges']).toBe('bytes');
        expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
        if (range) expect(response.headers['content-range']).toMatch(/^bytes \d+-\d+\/\d+$/);
      }
      const whole = await recording(file);
      expect(whole.rawPayload.equals(MP3)).toBe(true);
    },
  );

  it('sends the peaks with the same protections', async () => {
    const response = await app.inject({ url: '/api/conversations/call.mp3/peaks' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(response.headers['cache-control']).toBe('private, max-age=86400');
  });
});
