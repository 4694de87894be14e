import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { createAppServer } from '../app-server/create-app-server';
import { generateConversations } from '../demo-data/generate';
import { openTestCallStore } from '../store/testing/open-test-stores';
import type { CallStore } from '../store/types';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine';
import { AUTH, startDemoUpstream, type DemoUpstream } from '../sync/testing/demo-upstream';

let demo: DemoUpstream | undefined;
let store: CallStore | undefined;
let engine: SyncEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  await store?.close();
  await demo?.close();
  engine = store = demo = undefined;
});

describe('GET /api/calls/{id}: what the call page reads', () => {
  it('is the whole call as the API has it: every message of the transcript and the analytics', async () => {
    const demoCalls = [
      ...generateConversations({
        count: 25,
        now: new Date('2026-11-20T12:00:00Z'),
        recordingOrigin: 'https://storage.example.com',
      }),
    ];
    demo = await startDemoUpstream(0, (fixture) => fixture.store.insertMany(demoCalls));
    store = await openTestCallStore();
    engine = createSyncEngine({
      store,
      upstream: demo.upstream,
      source: demo.url,
      intervalMs: 3_600_000,
      reconcileMs: 3_600_000,
    });
    const app = await createAppServer({ upstream: demo.upstream, index: { store, sync: engine } });
    const synced = engine.nextSuccess();
    engine.start();
    await synced;
    const fromApi = new Map<string, Conversation>();
    for (const call of demoCalls) {
      const answer = await demo.fixture.app.inject({
        url: `/v1/conversations/${encodeURIComponent(call.id)}`,
        headers: AUTH,
      });
      fromApi.set(call.id, answer.json() as Conversation);
    }
    // The API itself is gone: the page is served from the index alone.
    await demo.fixture.app.close();
    try {
      for (const call of demoCalls) {
        const fromIndex = await app.inject({ url: `/api/calls/${encodeURIComponent(call.id)}` });
        expect(fromIndex.statusCode).toBe(200);
        const body = fromIndex.json() as Conversation;
        expect(body).toEqual(fromApi.get(call.id));
        expect(body.transcriptText).toHaveLength(call.transcriptText.length);
        expect(body.conversationAnalytics).toEqual(call.conversationAnalytics);
      }
    } finally {
      await app.close();
    }
  });
});
