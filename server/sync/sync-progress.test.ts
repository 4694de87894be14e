import { afterEach, describe, expect, it } from 'vitest';
import { openTestCallStore } from '../store/testing/open-test-stores';
import type { CallStore } from '../store/types';
import { createSyncEngine, type SyncEngine } from './sync-engine';
import { startDemoUpstream, type DemoUpstream } from './testing/demo-upstream';

let demo: DemoUpstream | undefined;
let store: CallStore | undefined;
let engine: SyncEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  await store?.close();
  await demo?.close();
  engine = store = demo = undefined;
});

describe('the backfill progress in the sync status', () => {
  it("reports the API's own total while backfilling, so a progress bar has an end", async () => {
    demo = await startDemoUpstream(45);
    store = await openTestCallStore();
    engine = createSyncEngine({
      store,
      upstream: demo.upstream,
      source: demo.url,
      intervalMs: 3_600_000,
      reconcileMs: 3_600_000,
      pageLimit: 10,
      overlap: 2,
    });
    expect((await engine.status()).backfill).toEqual({ done: false, seen: 0, total: null });
    const synced = engine.nextSuccess();
    engine.start();
    await synced;
    const { backfill, indexed } = await engine.status();
    expect(indexed).toBe(45);
    expect(backfill).toEqual({ done: true, seen: expect.any(Number), total: 45 });
  });
});
