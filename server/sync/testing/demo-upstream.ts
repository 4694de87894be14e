import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { formatTrataTimestamp, type Conversation } from '../../../contract';
import {
  AUTH,
  createDemoApiFixture,
  TEST_TOKEN,
  type DemoApiFixture,
} from '../../api/testing/demo-api-fixture';
import { createUpstream, type Upstream } from '../../app-server/upstream';
import type { ConversationStore } from '../../db/conversation-store';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import type { CallStore } from '../../store/types';

export { AUTH };

export interface DemoUpstream {
  fixture: DemoApiFixture;
  upstream: Upstream;
  url: string;
  close(): Promise<void>;
}

/** A real demo API on a loopback port, over `count` fixture conversations, and a client for it. */
export async function startDemoUpstream(
  count: number,
  setup?: (fixture: DemoApiFixture) => void,
): Promise<DemoUpstream> {
  const fixture = createDemoApiFixture(count);
  setup?.(fixture);
  await fixture.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fixture.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const upstream = createUpstream({ baseUrl: url, token: TEST_TOKEN, timeoutMs: 10_000 });
  return {
    fixture,
    upstream,
    url,
    async close() {
      await upstream.close();
      await fixture.close();
    },
  };
}

/**
 * Creates, updates and archives calls on the demo API's store, a few at a time, whenever `step`
 * is called (the tests call it on every list request, so pages shift under the sync).
 */
export function createWriter(store: ConversationStore, seed: number) {
  let n = 0;
  const ids = () => store.list({ sort_order: 'asc', skip: 0, limit: 100 }).items.map((c) => c.id);
  const stats = { created: 0, updated: 0, archived: 0 };
  return {
    stats,
    step() {
      n++;
      const pick = ids();
      const target = pick[(n * 7919) % pick.length];
      const op = n % 5;
      if (op < 2) {
        const template = fixtureConversations(1, seed + n)[0]!;
        const now = Date.now();
        // Half at the top of a newest-first sweep, half somewhere it may have passed already.
        const start = n % 2 ? now : Date.UTC(2026, 9, 1) + ((n * 37) % 400) * 60_000;
        store.create({
          ...template,
          id: `con.w${seed}.${n}`,
          timestampStart: formatTrataTimestamp(start),
          createdAt: formatTrataTimestamp(now),
          updatedAt: formatTrataTimestamp(now),
        });
        stats.created++;
      } else if (op < 4 && target) {
        store.update(target, { conversationAnalytics: { sentiment_of_caller: `s${n}` } });
        stats.updated++;
      } else if (target) {
        store.update(target, { status: 'archived' });
        stats.archived++;
      }
    },
  };
}

/** Every conversation of the demo API, by id. */
export function allOfApi(store: ConversationStore): Map<string, Conversation> {
  const all = new Map<string, Conversation>();
  const total = store.count();
  for (let skip = 0; skip < total; skip += 100) {
    for (const c of store.list({ sort_order: 'asc', skip, limit: 100 }).items) all.set(c.id, c);
  }
  return all;
}

/** Every conversation of the index, by id. */
export async function allOfIndex(store: CallStore): Promise<Map<string, Conversation>> {
  const all = new Map<string, Conversation>();
  const total = await store.count();
  for (let skip = 0; skip < total; skip += 100) {
    for (const item of (await store.list({ sort_order: 'asc', skip, limit: 100 })).items) {
      all.set(item.id, (await store.get(item.id))!);
    }
  }
  return all;
}

/** What differs between the API and the index, in words (empty when they are equal). */
export function differences(api: Map<string, Conversation>, index: Map<string, Conversation>) {
  const problems: string[] = [];
  for (const [id, conversation] of api) {
    const indexed = index.get(id);
    if (!indexed) problems.push(`missing ${id}`);
    else if (!isDeepStrictEqual(indexed, conversation)) problems.push(`stale ${id}`);
  }
  for (const id of index.keys()) if (!api.has(id)) problems.push(`extra ${id}`);
  return problems;
}
