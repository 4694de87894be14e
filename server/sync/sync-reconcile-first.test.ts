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

const OLD = 'http://127.0.0.1:1111';
const NEW = 'http://127.0.0.1:2222';

function startSync(reconcileFirst: boolean) {
  engine = createSyncEngine({
    store: store!,
    upstream: demo!.upstream,
    source: 'demo',
    intervalMs: 3_600_000,
    reconcileMs: 3_600_000,
    maxBackoffMs: 20,
    // Pages far smaller than the API, as on a real account: a pass reads only what changed.
    pageLimit: 10,
    overlap: 2,
    reconcileFirst,
  });
  engine.start();
  return engine;
}

async function recordingOrigins(index: CallStore): Promise<Set<string>> {
  const origins = new Set<string>();
  for (const item of (await index.list({ sort_order: 'desc', skip: 0, limit: 100 })).items) {
    const call = await index.get(item.id);
    if (call?.transcriptRecordingUrl) origins.add(new URL(call.transcriptRecordingUrl).origin);
  }
  return origins;
}

/**
 * The demo API moves its recording links to a new port on a restart; the documents change but
 * their `updatedAt` does not, so an incremental pass alone would keep the old links, and every
 * recording would fail until the next reconcile, an hour later.
 */
describe('a restart after the API rewrote its documents in place', () => {
  it('reads them all again in its first pass, so no call keeps a link to the old port', async () => {
    // Written in place, as the demo's port fix-up does: no document gets a newer `updatedAt`.
    demo = await startDemoUpstream(60, (fixture) => {
      fixture.store.db
        .prepare(
          "UPDATE docs SET doc = json_set(doc, '$.transcriptRecordingUrl', ? || '/recordings/' || json_extract(doc, '$.id') || '.mp3')",
        )
        .run(OLD);
    });
    store = await openTestCallStore();
    await startSync(false).nextSuccess();
    expect(await recordingOrigins(store)).toEqual(new Set([OLD]));
    await engine!.stop();

    demo.fixture.store.rewriteRecordingOrigin(OLD, NEW);
    await startSync(true).nextSuccess();
    expect(await recordingOrigins(store)).toEqual(new Set([NEW]));
  });
});
