import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_TOKEN } from '../api/testing/demo-api-fixture';
import {
  APP_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../security/testing/server-process';
import { startDemoUpstream, type DemoUpstream } from '../sync/testing/demo-upstream';

/**
 * A real app server process on PostgreSQL whose database stops and starts again
 * (scripts/pg-ctl.sh, under scripts/with-postgres.sh). It stops the cluster every other suite
 * of the run uses too: run this file on its own.
 */
const pgCtl = (action: 'stop' | 'start') =>
  promisify(execFile)(path.resolve(import.meta.dirname, '../../scripts/pg-ctl.sh'), [action]);

const CALLS = 40;
let demo: DemoUpstream | undefined;
let server: ServerProcess | undefined;
let dataDir: string | undefined;
let databaseName: string | undefined;
let origin = '';
let env: Record<string, string> = {};
let late: ServerProcess | undefined;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Reads until `done` holds (a read that fails is read again), and returns that value. */
function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 30_000) {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (!done(value)) throw new Error(`not met in time; last: ${JSON.stringify(value)}`);
      return value;
    },
    { timeout, interval: 100 },
  );
}

const get = async (url: string) => {
  const started = Date.now();
  const response = await fetch(`${origin}${url}`, { signal: AbortSignal.timeout(20_000) });
  const text = await response.text();
  return {
    status: response.status,
    ms: Date.now() - started,
    retryAfter: response.headers.get('retry-after'),
    json: (text ? JSON.parse(text) : null) as Record<string, unknown> | null,
  };
};

describe.skipIf(!process.env.DATABASE_URL || !process.env.CALLSCOPE_PG_DIR)(
  'an app server on PostgreSQL while the database stops and starts',
  () => {
    beforeAll(async () => {
      demo = await startDemoUpstream(CALLS);
      // A database of its own: the server uses the public schema of the database it is given.
      databaseName = `outage_${process.pid}_${Date.now()}`;
      await admin((client) => client.query(`CREATE DATABASE ${databaseName}`));
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${databaseName}`;
      dataDir = mkdtempSync(path.join(tmpdir(), 'callscope-outage-'));
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      env = {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        TRATA_API_URL: demo.url,
        TRATA_API_TOKEN: TEST_TOKEN,
        DATABASE_URL: url.toString(),
        DATABASE_POOL_MAX: '4',
        SYNC_INTERVAL_S: '1',
        LOG_LEVEL: 'info',
      };
      server = startServerProcess(APP_MAIN, env);
      await server.waitForLine(/Callscope is running on/);
      await poll(
        () => get('/api/calls?limit=1'),
        (answer) => answer.status === 200 && answer.json?.total === CALLS,
      );
    });

    afterAll(async () => {
      await pgCtl('start').catch(() => undefined);
      await late?.stop();
      await server?.stop();
      await demo?.close();
      if (databaseName) {
        await admin((client) =>
          client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`),
        ).catch(() => undefined);
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('is ready and healthy with the database up', async () => {
      expect(await get('/healthz')).toMatchObject({
        status: 200,
        json: { status: 'ok', database: 'ok' },
      });
      expect((await get('/readyz')).status).toBe(200);
      expect((await get('/api/sync')).json).toMatchObject({ replica: 'syncing' });
    });

    it('answers 503 with a reason at once while it is down, stays alive, then recovers', async () => {
      await pgCtl('stop');
      try {
        for (const url of ['/api/calls?limit=5', '/api/sync', `/api/calls/${'con.x'}`]) {
          const answer = await get(url);
          expect(answer.status, url).toBe(503);
          expect(answer.ms, url).toBeLessThan(5_000);
          expect(answer.retryAfter, url).toBe('5');
          expect(String(answer.json?.detail), url).toMatch(/^The database is unreachable \(.+\)/);
        }
        // Probes are reused for a second: the next one finds the database gone.
        const probedAt = Date.now();
        await poll(
          () => get('/readyz'),
          (answer) => answer.status === 503,
        );
        expect(Date.now() - probedAt).toBeLessThan(5_000);
        expect(await get('/healthz')).toMatchObject({
          status: 200,
          json: { status: 'ok', database: 'unreachable' },
        });
        // The sync, the outbox and the pool's dropped connections must not end the process.
        await poll(
          async () => server!.output(),
          (output) => /Sync: /.test(output),
        );
        expect(server!.child.exitCode).toBeNull();
      } finally {
        await pgCtl('start');
      }
      // Back by itself: no restart of the app server.
      await poll(
        () => get('/readyz'),
        (answer) => answer.status === 200,
      );
      await poll(
        () => get('/api/calls?limit=1'),
        (answer) => answer.status === 200 && answer.json?.total === CALLS,
      );
      await poll(
        () => get('/api/sync'),
        (answer) => answer.status === 200 && answer.json?.lastError === null,
      );
      expect(server!.child.exitCode).toBeNull();
    });

    it('a replica started while the database is down waits for it, then serves', async () => {
      await pgCtl('stop');
      const port = await freePort();
      try {
        late = startServerProcess(APP_MAIN, { ...env, PORT: String(port) });
        const line = await late.waitForLine(/is unreachable .*trying again/);
        // The password never reaches a log line (this URL has none; the form is checked).
        expect(line).toMatch(/PostgreSQL at postgres:\/\/[^ ]+ is unreachable/);
        expect(late.child.exitCode).toBeNull();
        // Meanwhile the port says it is starting: alive, not ready, and no request served.
        const at = `http://127.0.0.1:${port}`;
        const health = await fetch(`${at}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'starting' });
        expect((await fetch(`${at}/readyz`)).status).toBe(503);
        const list = await fetch(`${at}/api/calls`);
        expect(list.status).toBe(503);
        expect(list.headers.get('retry-after')).toBe('5');
        expect(((await list.json()) as { detail: string }).detail).toMatch(/starting/);
      } finally {
        await pgCtl('start');
      }
      await late.waitForLine(/Callscope is running on/);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      // Either may have taken the sync lease after the outage; exactly one of the two syncs.
      const role = async (at: string) =>
        ((await (await fetch(`${at}/api/sync`)).json()) as { replica?: string }).replica;
      await poll(
        async () => [await role(origin), await role(`http://127.0.0.1:${port}`)].sort().join(),
        (roles) => roles === 'standby,syncing',
      );
      // SIGTERM: the sync gives its lease up, the stores close, the pool ends, exit 0.
      await late.stop();
      expect(await late.exited).toBe(0);
    });
  },
);
