import { afterEach, describe, expect, it } from 'vitest';
import { openTestCallStore } from '../store/testing/open-test-stores';
import type { CallStore } from '../store/types';
import { createSyncEngine, type SyncEngine } from './sync-engine';
import {
  allOfApi,
  allOfIndex,
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

interface Spoil {
  reply?: (url: string) => [number, unknown, Record<string, string>?] | null;
  items?: (items: Record<string, unknown>[]) => void;
}

/** A demo API whose answers the test can spoil, and a sync following it. */
async function setUp(spoil: Spoil) {
  demo = await startDemoUpstream(120, (fixture) => {
    fixture.app.addHook('onRequest', async (request, reply) => {
      const answer = spoil.reply?.(request.url);
      if (!answer) return;
      return reply
        .code(answer[0])
        .headers(answer[2] ?? {})
        .send(answer[1]);
    });
    fixture.app.addHook('onSend', async (request, _reply, payload) => {
      if (!spoil.items || !request.url.startsWith('/v1/conversations?')) return payload;
      if (!Buffer.isBuffer(payload) && typeof payload !== 'string') return payload;
      const items = JSON.parse(payload.toString()) as Record<string, unknown>[];
      spoil.items(items);
      return JSON.stringify(items);
    });
  });
  store = await openTestCallStore();
  engine = createSyncEngine({
    store,
    upstream: demo.upstream,
    source: demo.url,
    intervalMs: 3_600_000,
    reconcileMs: 3_600_000,
    pageLimit: 25,
    maxBackoffMs: 5,
  });
  return { store, engine };
}

/** Waits for the status to satisfy `check`, re-reading it after each pass or retry. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise<void>((resolve) => setImmediate(resolve));
}

const equalToApi = async () => differences(allOfApi(demo!.fixture.store), await allOfIndex(store!));

describe('sync faults', () => {
  for (const [status, words] of [
    [500, 'internal error (500)'],
    [401, 'Not signed in'],
    [429, 'rate-limiting'],
  ] as const) {
    it(`backs off on ${status}, says so in the status, and catches up when the API recovers`, async () => {
      let failures = 3;
      const { engine: sync } = await setUp({
        reply: (url) =>
          url.startsWith('/v1/conversations?') && failures-- > 0
            ? [status, { detail: 'no' }, { 'retry-after': '0' }]
            : null,
      });
      const errors: string[] = [];
      sync.start();
      await until(async () => {
        const lastError = (await sync.status()).lastError;
        if (lastError) errors.push(lastError);
        return errors.length > 0;
      });
      expect((await sync.status()).state).toBe('error');
      expect(errors[0]).toContain(words);
      await until(async () => (await sync.status()).state === 'idle');
      expect(await equalToApi()).toEqual([]);
    });
  }

  it('falls back to another sort when the API refuses one, and says so', async () => {
    const refused = { detail: [{ type: 'enum', loc: ['query', 'sort_by'], msg: 'no' }] };
    const { engine: sync } = await setUp({
      reply: (url) => (url.includes('sort_by=timestampStart') ? [422, refused] : null),
    });
    sync.start();
    await sync.nextSuccess();
    expect((await sync.status()).notes.join(' ')).toContain(
      'refused sort_by=timestampStart; the full pass uses createdAt',
    );
    expect(await equalToApi()).toEqual([]);
  });

  it('indexes a call that breaks the schema as far as it can, skips one it cannot, lists both', async () => {
    let broken = '';
    let hopeless = '';
    const { engine: sync, store: index } = await setUp({
      items: (items) => {
        for (const item of items) {
          if (item.id === broken) item.transcriptText = 42;
          if (item.id === hopeless) item.timestampStart = 'yesterday';
        }
      },
    });
    [broken, hopeless] = demo!.fixture.conversations.slice(0, 2).map((c) => c.id) as [
      string,
      string,
    ];
    sync.start();
    await sync.nextSuccess();
    const status = await sync.status();
    expect(status.state).toBe('idle');
    expect(status.skippedCount).toBe(2);
    expect(status.skipped.find((item) => item.id === broken)?.reason).toContain('transcriptText');
    expect(status.skipped.find((item) => item.id === hopeless)?.reason).toContain('timestampStart');
    expect(await index.get(broken)).not.toBeNull();
    expect((await index.get(broken))?.transcriptText).toBeUndefined();
    expect(await index.get(hopeless)).toBeNull();
    expect(await index.count()).toBe(119);
  });

  it('names agents from the Agents API, and shows raw ids when the API has none', async () => {
    let agents404 = false;
    const { engine: sync, store: index } = await setUp({
      reply: (url) =>
        agents404 && url.startsWith('/v1/agents') ? [404, { detail: 'Not Found' }] : null,
    });
    sync.start();
    await sync.nextSuccess();
    const agentIds = new Set(demo!.fixture.conversations.map((c) => c.aiAgentId));
    // The fixture's agents are not the demo businesses': every one falls back to its id.
    const page = await index.list({ sort_order: 'asc', skip: 0, limit: 5 });
    for (const item of page.items) expect(item.agentName).toBe(item.agentId);
    await index.upsertAgents([{ id: [...agentIds][0]!, name: 'Sophia' }]);
    expect(
      (await index.facets({ sort_order: 'asc', skip: 0, limit: 5 })).agent.map((a) => a.name),
    ).toContain('Sophia');
    agents404 = true;
    await index.writeState('lastReconcileAt', 0);
    const done = sync.nextSuccess();
    sync.wake();
    await done;
    expect((await sync.status()).notes.join(' ')).toContain('no Agents route');
  });
});
