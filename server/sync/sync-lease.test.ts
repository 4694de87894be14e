import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_TOKEN } from '../api/testing/demo-api-fixture';
import type { Upstream } from '../app-server/upstream';
import { createPgSyncLease } from '../store/postgres/pg-sync-lease';
import { createSqliteCallStore } from '../store/sqlite/sqlite-call-store';
import { openTestPgDatabase, type TestPgDatabase } from '../store/testing/test-database';
import type { CallStore } from '../store/types';
import { createSyncEngine, type SyncEngine } from './sync-engine';
import { startDemoUpstream, type DemoUpstream } from './testing/demo-upstream';

const INTERVAL_MS = 400;
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/lease-child.ts');

let demo: DemoUpstream | undefined;
let database: TestPgDatabase | undefined;
let dir: string | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await database?.drop();
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  demo = database = dir = undefined;
});

interface Replica {
  engine: SyncEngine;
  store: CallStore;
  /** List requests this replica sent to the API. */
  pages: () => number;
}

/** One replica: its own pool (as its own process would have) and the index every replica shares. */
function startReplica(name: string): Replica {
  const pool = database!.openPool();
  const store = createSqliteCallStore(path.join(dir!, 'index.sqlite'));
  let pages = 0;
  const upstream: Upstream = {
    baseUrl: demo!.upstream.baseUrl,
    request: (pathAndQuery, init) => {
      if (pathAndQuery.startsWith('/v1/conversations?')) pages++;
      return demo!.upstream.request(pathAndQuery, init);
    },
    getConversation: (id, signal) => demo!.upstream.getConversation(id, signal),
    close: async () => undefined,
  };
  const engine = createSyncEngine({
    store,
    upstream,
    source: demo!.url,
    intervalMs: INTERVAL_MS,
    reconcileMs: 3_600_000,
    pageLimit: 20,
    maxBackoffMs: 50,
    lease: createPgSyncLease(pool),
    log: { info: () => undefined, warn: (message) => console.warn(`${name}: ${message}`) },
  });
  engine.start();
  cleanups.push(async () => {
    await engine.stop();
    await store.close();
  });
  return { engine, store, pages: () => pages };
}

async function until(condition: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await condition())) throw new Error('the condition was not met in time');
    },
    { timeout, interval: 20 },
  );
}

const role = async (replica: Replica) => (await replica.engine.status()).replica;

describe.skipIf(!process.env.DATABASE_URL)('the sync lease on PostgreSQL', () => {
  it('lets exactly one replica sync; the other takes over within two intervals when it stops', async () => {
    demo = await startDemoUpstream(200);
    database = await openTestPgDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'callscope-lease-'));
    const first = startReplica('first');
    await first.engine.nextSuccess();
    const second = startReplica('second');
    await until(async () => (await role(second)) === 'standby');
    expect(await role(first)).toBe('syncing');

    // Over several intervals the standby never asks the API, while the holder keeps syncing.
    const before = first.pages();
    await first.engine.nextSuccess();
    await first.engine.nextSuccess();
    expect(first.pages()).toBeGreaterThan(before);
    expect(second.pages()).toBe(0);
    // The standby shows the shared index's progress, written by the holder.
    expect(await second.engine.status()).toMatchObject({
      state: 'idle',
      indexed: 200,
      backfill: { done: true },
    });

    const stoppedAt = Date.now();
    await first.engine.stop();
    await second.engine.nextSuccess();
    expect(Date.now() - stoppedAt).toBeLessThan(2 * INTERVAL_MS + 1_000);
    expect(await role(second)).toBe('syncing');
    // It resumed from the stored checkpoint: incremental pages only, no second backfill.
    expect(second.pages()).toBeGreaterThan(0);
    expect(second.pages()).toBeLessThan(200 / 20);
  });

  it('a standby takes over from a holder killed with SIGKILL, from its checkpoint', async () => {
    demo = await startDemoUpstream(200);
    database = await openTestPgDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'callscope-lease-'));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CHILD,
        demo.url,
        TEST_TOKEN,
        path.join(dir, 'index.sqlite'),
        database.connectionString,
        database.schema,
        String(INTERVAL_MS),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanups.push(async () => {
      child.kill('SIGKILL');
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The child's first pass (the backfill) ran: it holds the lease.
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the child ended (${code})`)));
    });
    const standby = startReplica('standby');
    await until(async () => (await role(standby)) === 'standby');
    expect(standby.pages()).toBe(0);

    child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    await until(async () => (await role(standby)) === 'syncing');
    await standby.engine.nextSuccess();
    expect(Date.now() - killedAt).toBeLessThan(2 * INTERVAL_MS + 1_000);
    expect(standby.pages()).toBeLessThan(200 / 20);
    expect(await standby.store.count()).toBe(200);
  });

  it('stops syncing the moment its lease connection is cut, and one replica holds it again', async () => {
    demo = await startDemoUpstream(60);
    database = await openTestPgDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'callscope-lease-'));
    const first = startReplica('first');
    await first.engine.nextSuccess();
    const second = startReplica('second');
    await until(async () => (await role(second)) === 'standby');
    const holders = async () =>
      (
        await database!.pool.query(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()`,
        )
      ).rows.length;
    expect(await holders()).toBe(1);

    // As when the server restarts or the network drops: the session ends, and the lock with it.
    await database.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()`,
    );
    // Either replica may take it at its next try; never both.
    await until(async () => (await holders()) === 1);
    await until(async () => {
      const roles = [await role(first), await role(second)].sort();
      return roles[0] === 'standby' && roles[1] === 'syncing';
    });
    expect(await holders()).toBe(1);
  });
});
