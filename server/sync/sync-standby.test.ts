import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSqliteCallStore } from '../store/sqlite/sqlite-call-store';
import type { CallStore } from '../store/types';
import { createSyncEngine, type SyncEngine } from './sync-engine';
import type { SyncLease } from './sync-lease';
import { startDemoUpstream, type DemoUpstream } from './testing/demo-upstream';

let demo: DemoUpstream | undefined;
let store: CallStore | undefined;
let engine: SyncEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  await store?.close();
  await demo?.close();
  demo = store = engine = undefined;
});

/** A lease another replica holds until `free()`; then this one gets it. */
function leaseHeldElsewhere() {
  let free = false;
  let tries = 0;
  const held = new AbortController();
  const lease: SyncLease = {
    acquire: async () => {
      tries++;
      return free ? held.signal : null;
    },
    release: async () => undefined,
  };
  return { lease, free: () => (free = true), tries: () => tries };
}

async function until(condition: () => Promise<boolean> | boolean, timeout = 10_000) {
  await vi.waitFor(
    async () => {
      if (!(await condition())) throw new Error('not met in time');
    },
    { timeout, interval: 10 },
  );
}

describe('a sync on standby', () => {
  it('asks the API nothing until it holds the lease, then syncs', async () => {
    let requests = 0;
    demo = await startDemoUpstream(30, (fixture) =>
      fixture.app.addHook('onRequest', async () => {
        requests++;
      }),
    );
    store = createSqliteCallStore(':memory:');
    const other = leaseHeldElsewhere();
    engine = createSyncEngine({
      store,
      upstream: demo.upstream,
      source: demo.url,
      intervalMs: 30,
      reconcileMs: 3_600_000,
      lease: other.lease,
    });
    engine.start();
    await until(() => other.tries() >= 3);
    expect(requests).toBe(0);
    expect(await engine.status()).toMatchObject({ replica: 'standby', state: 'backfilling' });
    // Standing by never empties the shared index (adopting a source does, under the lease only).
    expect(await store.readState('source')).toBeUndefined();

    other.free();
    await engine.nextSuccess();
    expect(requests).toBeGreaterThan(0);
    expect(await engine.status()).toMatchObject({ replica: 'syncing', indexed: 30 });
  });
});
