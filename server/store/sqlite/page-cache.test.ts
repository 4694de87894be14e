import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../contract';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import type { CallQuery, CallStore } from '../types';
import { createSqliteCallStore } from './sqlite-call-store';

const base: CallQuery = { sort_order: 'desc', skip: 0, limit: 100 };
const rowOf = async (store: CallStore, id: string) => {
  const page = await store.listJson(base);
  const json = page.itemsJson[page.ids.indexOf(id)];
  return json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>);
};
const agentFacet = async (store: CallStore, id: string) =>
  (await store.facets(base)).agent.find((agent) => agent.id === id);

let store: CallStore;
afterEach(() => store.close());

describe('a listed page and its facets', () => {
  it('follows every write that changes what it shows', async () => {
    store = createSqliteCallStore(':memory:');
    const [first, second] = fixtureConversations(2, 7) as [Conversation, Conversation];
    const agentId = 'agent-page-cache';
    await store.upsert([{ ...first, aiAgentId: agentId }]);
    expect(await rowOf(store, first.id)).toMatchObject({ agentName: agentId });
    expect((await store.listJson(base)).total).toBe(1);
    expect(await agentFacet(store, agentId)).toEqual({ id: agentId, name: agentId, count: 1 });

    await store.upsert([second]);
    expect((await store.listJson(base)).total).toBe(2);
    expect((await store.facets(base)).agent.reduce((sum, agent) => sum + agent.count, 0)).toBe(2);

    await store.upsert([
      {
        ...first,
        aiAgentId: agentId,
        transcriptSummary: 'changed since',
        conversationAnalytics: { ...first.conversationAnalytics, summary: 'changed since' },
      },
    ]);
    expect(await rowOf(store, first.id)).toMatchObject({ summary: 'changed since' });

    await store.upsertAgents([{ id: agentId, name: 'Front desk' } as never]);
    expect(await rowOf(store, first.id)).toMatchObject({ agentName: 'Front desk' });
    expect(await agentFacet(store, agentId)).toEqual({ id: agentId, name: 'Front desk', count: 1 });

    await store.remove([second.id]);
    expect((await store.listJson(base)).ids).toEqual([first.id]);
    await store.clear();
    expect(await store.listJson(base)).toMatchObject({ ids: [], total: 0 });
  });
});
