import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallListItem } from '../../contract';
import { createAppServer } from '../app-server/create-app-server';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { createIndexFixture, type IndexFixture } from '../index-api/testing/index-fixture';
import { loadSecurityConfig } from '../security/security-config';
import { exportRowOfItem } from '../store/export-row';
import type { CallStore } from '../store/types';
import type { ExportLimits } from './calls-export-route';
import { ExportRuns } from './export-runs';

/** More rows than any socket buffers: an export of them only ends if it runs to the end. */
const ROWS = 10_000_000;
const CHUNK_ROWS = 100;

function syntheticCall(n: number): CallListItem {
  return {
    id: `con.${String(n).padStart(9, '0')}`,
    timestampStart: '2026-10-01T10:00:00.000000',
    timestampEnd: '2026-10-01T10:05:00.000000',
    durationSeconds: 300,
    callerName: 'Dana Whitfield',
    callerPhone: '+1 303 357 1735',
    sentiment: 'positive',
    prospectStatus: 'NEW',
    consentGiven: true,
    summary: 'The caller asked about opening hours and parking. '.repeat(4),
    status: 'active',
    sourceType: 'PHONE',
    agentId: 'aia.1',
    agentName: 'Front desk',
  };
}

/** A store of ROWS calls made up as they are read, counting the chunks an export reads. */
function syntheticStore(store: CallStore) {
  const counted = { chunks: 0 };
  const wrapped: CallStore = {
    ...store,
    total: async () => ROWS,
    async exportAfter(_query, after, limit) {
      counted.chunks++;
      const first = after === null ? 0 : Number(after.id.slice(4)) + 1;
      const rows = Array.from({ length: Math.min(limit, ROWS - first) }, (_, i) =>
        exportRowOfItem(syntheticCall(first + i)),
      );
      const last = rows.at(-1);
      return { rows, next: last && rows.length === limit ? { key: null, id: last.id } : null };
    },
  };
  return { store: wrapped, counted };
}

interface Running {
  app: FastifyInstance;
  origin: string;
  runs: ExportRuns;
  counted: { chunks: number };
}

let fixture: IndexFixture | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await fixture?.close();
  app = undefined;
  fixture = undefined;
});

/** The real app server (compression and all) over a fixture index, listening on a port. */
async function startApp(limits: Partial<ExportLimits>): Promise<Running> {
  fixture = await createIndexFixture(fixtureConversations(10, 9));
  const { store, counted } = syntheticStore(fixture.store);
  const runs = new ExportRuns();
  app = await createAppServer({
    upstream: fixture.upstream,
    index: { store, sync: fixture.sync, export: { limits: { maxRows: ROWS, ...limits }, runs } },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${port}`, runs, counted };
}

/** Starts a GET and resolves with the response once its headers are in, its body not read. */
function open(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ request: ClientRequest; response: IncomingMessage }>((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => resolve({ request, response }));
    request.on('error', reject);
    request.end();
  });
}

describe('a CSV export over a socket', () => {
  it('stops reading the index when the client goes away, and the server keeps serving', async () => {
    const { origin, runs, counted } = await startApp({ chunkRows: CHUNK_ROWS });
    const { request, response } = await open(`${origin}/api/calls.csv`, {
      'accept-encoding': 'gzip, br',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeDefined();
    await new Promise((resolve) => response.once('data', resolve));
    request.destroy();
    await runs.idle();
    const whole = ROWS / CHUNK_ROWS;
    expect(counted.chunks).toBeGreaterThan(0);
    expect(counted.chunks).toBeLessThan(whole / 2);

    const list = await fetch(`${origin}/api/calls?limit=1`);
    expect(list.status).toBe(200);
  });

  it('holds back while the client does not read, and shutdown does not wait for it', async () => {
    const { app: server, origin, runs, counted } = await startApp({ chunkRows: CHUNK_ROWS });
    const { response } = await open(`${origin}/api/calls.csv`);
    response.pause();
    await new Promise((resolve) => response.once('readable', resolve));
    expect(runs.size).toBe(1);
    await server.close();
    await runs.idle();
    expect(counted.chunks).toBeLessThan(ROWS / CHUNK_ROWS / 2);
    app = undefined;
  });

  it('refuses an export beyond the cap of exports at once with a 429 in words', async () => {
    const { origin, runs } = await startApp({ chunkRows: CHUNK_ROWS, maxConcurrent: 1 });
    const first = await open(`${origin}/api/calls.csv`);
    first.response.pause();
    const second = await fetch(`${origin}/api/calls.csv`);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('10');
    expect(((await second.json()) as { detail: string }).detail).toMatch(/exports are running/);
    first.request.destroy();
    await runs.idle();
    const third = await open(`${origin}/api/calls.csv`);
    expect(third.response.statusCode).toBe(200);
    third.request.destroy();
    await runs.idle();
  });
});

describe('sign-in and rate limits', () => {
  it('needs a signed-in user and counts against the API budget', async () => {
    fixture = await createIndexFixture(fixtureConversations(30, 4));
    app = await createAppServer({
      upstream: fixture.upstream,
      security: loadSecurityConfig({
        AUTH_PROXY_HEADER: 'X-Forwarded-User',
        RATE_LIMIT_API_PER_MINUTE: '3',
      }),
      index: { store: fixture.store, sync: fixture.sync },
    });
    const anonymous = await app.inject({ url: '/api/calls.csv' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain('con.');
    const signedIn = () =>
      app!.inject({ url: '/api/calls.csv', headers: { 'x-forwarded-user': 'dana@example.com' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signedIn()).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
