import { afterEach, describe, expect, it } from 'vitest';
import { openTestCallStore } from '../store/testing/open-test-stores';
import type { CallStore } from '../store/types';
import { createSyncEngine, type SyncEngine } from './sync-engine';
import {
  allOfApi,
  allOfIndex,
  createWriter,
  differences,
  startDemoUpstream,
  type DemoUpstream,
} from './testing/demo-upstream';

let demo: DemoUpstream | undefined;
let store: CallStore | undefined;
let engine: SyncEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  await store?.close();
  await demo?.close();
  engine = store = demo = undefined;
});

async function startSync(options: { pageLimit: number; overlap: number }) {
  store = await openTestCallStore();
  engine = createSyncEngine({
    store,
    upstream: demo!.upstream,
    source: demo!.url,
    intervalMs: 3_600_000,
    reconcileMs: 3_600_000,
    maxBackoffMs: 20,
    ...options,
  });
  engine.start();
  return { store, engine };
}

/** Runs passes until one ends without an error. */
async function pass(sync: SyncEngine) {
  const done = sync.nextSuccess();
  sync.wake();
  await done;
}

describe('sync correctness while the API changes under it', () => {
  it('ends equal to the API after creates, updates and archives during the backfill and incremental passes', async () => {
    let writing = true;
    let writer: ReturnType<typeof createWriter> | undefined;
    demo = await startDemoUpstream(400, (fixture) => {
      writer = createWriter(fixture.store, 1000);
      fixture.app.addHook('onRequest', async (request) => {
        if (writing && request.url.startsWith('/v1/conversations?')) {
          for (let i = 0; i < 8; i++) writer!.step();
        }
      });
    });
    // Small pages and overlap, so the writes shift pages by more than the overlap.
    const { store: index, engine: sync } = await startSync({ pageLimit: 20, overlap: 2 });
    await sync.nextSuccess();
    expect((await sync.status()).backfill.done).toBe(true);
    // Writes still land during these incremental passes.
    for (let i = 0; i < 3; i++) await pass(sync);
    writing = false;
    await pass(sync);
    const api = allOfApi(demo.fixture.store);
    expect(writer!.stats.created).toBeGreaterThan(50);
    expect(writer!.stats.archived).toBeGreaterThan(20);
    expect(differences(api, await allOfIndex(index))).toEqual([]);
    expect(await index.count()).toBe(api.size);
    expect(await sync.status()).toMatchObject({ state: 'idle', lastError: null, skippedCount: 0 });
  });

  it('a reconcile removes calls the API no longer has', async () => {
    demo = await startDemoUpstream(300);
    const first = await startSync({ pageLimit: 25, overlap: 3 });
    await first.engine.nextSuccess();
    // A call that only the index has (deleted upstream while Callscope was down).
    const ghost = { ...demo.fixture.conversations[0]!, id: 'con.ghost.1' };
    await first.store.upsert([ghost]);
    // A reconcile sweep that stopped halfway, as after a crash.
    await first.store.writeState('sweep', null);
    await first.store.writeState('lastReconcileAt', 0);
    await pass(first.engine);
    expect(await first.store.get('con.ghost.1')).toBeNull();
    expect(differences(allOfApi(demo.fixture.store), await allOfIndex(first.store))).toEqual([]);
  });
});
