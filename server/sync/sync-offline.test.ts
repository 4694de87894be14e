import { afterEach, describe, expect, it } from 'vitest';
import type { CallList, Conversation, SyncStatus } from '../../contract';
import { createAppServer } from '../app-server/create-app-server';
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

async function appWithIndex() {
  demo = await startDemoUpstream(60);
  store = await openTestCallStore();
  engine = createSyncEngine({
    store,
    upstream: demo.upstream,
    source: demo.url,
    intervalMs: 3_600_000,
    reconcileMs: 3_600_000,
    maxBackoffMs: 5,
  });
  const app = await createAppServer({ upstream: demo.upstream, index: { store, sync: engine } });
  const synced = engine.nextSuccess();
  engine.start();
  await synced;
  return app;
}

describe('the index when the API changes or goes away', () => {
  it('revalidates an opened call against the API in the background', async () => {
    const app = await appWithIndex();
    const id = demo!.fixture.conversations[5]!.id;
    demo!.fixture.store.update(id, { status: 'archived' });
    const opened = await app.inject({ method: 'GET', url: `/api/calls/${id}` });
    expect(opened.statusCode).toBe(200);
    while ((await store!.get(id))?.status !== 'archived') {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const list = (
      await app.inject({ method: 'GET', url: '/api/calls?status=archived&limit=100' })
    ).json() as CallList;
    expect(list.items.map((item) => item.id)).toContain(id);
    await app.close();
  });

  it('keeps serving the list and the calls from the index with the API stopped, and says why', async () => {
    const app = await appWithIndex();
    await demo!.fixture.app.close();
    const list = await app.inject({ method: 'GET', url: '/api/calls?sentiment=negative&limit=5' });
    expect(list.statusCode).toBe(200);
    const body = list.json() as CallList;
    expect(body.total).toBeGreaterThan(0);
    const call = await app.inject({ method: 'GET', url: `/api/calls/${body.items[0]!.id}` });
    expect((call.json() as Conversation).id).toBe(body.items[0]!.id);
    engine!.wake();
    let status: SyncStatus;
    do {
      await new Promise<void>((resolve) => setImmediate(resolve));
      status = (await app.inject({ method: 'GET', url: '/api/sync' })).json() as SyncStatus;
    } while (status.state !== 'error');
    expect(status.lastError).toMatch(/could not be reached/);
    expect(status.indexed).toBe(60);
    expect(status.lastSuccessAt).not.toBeNull();
    await app.close();
  });
});
