import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../security/testing/server-process';
import { sendJson, startStubServer, type StubServer } from '../upstream-fetch/testing/stub-server';

let upstream: StubServer;
let app: ServerProcess;
let port: number;

beforeAll(async () => {
  // Answers anything, so a request that slipped through would succeed and be counted.
  upstream = await startStubServer((_request, response) => sendJson(response, 200, []));
  port = await freePort();
  app = startServerProcess(APP_MAIN, {
    PORT: String(port),
    TRATA_API_URL: upstream.origin,
    TRATA_API_TOKEN: 'path-ids-upstream-token',
    RECORDING_TRUSTED_ORIGINS: upstream.origin,
    LOG_LEVEL: 'info',
  });
  await app.waitForLine(/Callscope is running/);
});

afterAll(async () => {
  await app?.stop();
  await upstream?.close();
});

/** A raw request: the path goes on the wire exactly as written, never normalized by a URL. */
function send(method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    if (method !== 'GET') outgoing.setHeader('content-type', 'application/json');
    outgoing.end(method === 'GET' ? undefined : '{}');
  });
}

const BAD_IDS = [
  '..',
  '.',
  '%2E%2E',
  '%2e',
  '%2E',
  'a%2Fb',
  '%2F',
  '..%2F..',
  'a%5Cb',
  '%00',
  'a%00b',
];
const ROUTES: [string, (id: string) => string][] = [
  ['GET', (id) => `/v1/conversations/${id}`],
  ['PUT', (id) => `/v1/conversations/${id}`],
  ['GET', (id) => `/v1/prospects/${id}/conversations`],
  ['GET', (id) => `/api/conversations/${id}/recording`],
  ['GET', (id) => `/api/conversations/${id}/peaks`],
];

describe('ids that could leave the documented route', () => {
  it('make no upstream request on any route that takes an id', async () => {
    for (const [method, path] of ROUTES) {
      for (const id of BAD_IDS) {
        const status = await send(method, path(id));
        expect([400, 404], `${method} ${path(id)}`).toContain(status);
      }
    }
    // The call index's own sweeps (sorted list pages and agents) are the only requests allowed.
    const indexSync = /^GET \/v1\/(conversations\?sort_by=|agents\?)/;
    const requests = upstream.seen.map((seen) => `${seen.method} ${seen.url}`);
    expect(requests.filter((request) => !indexSync.test(request))).toEqual([]);
  });

  it('still forwards a valid id, so the stub does count', async () => {
    expect(await send('GET', '/v1/conversations/con.1%20ok')).toBe(200);
    expect(upstream.seen.at(-1)?.url).toBe('/v1/conversations/con.1%20ok');
  });
});
