import { afterEach, describe, expect, it } from 'vitest';
import { formatTrataTimestamp, parseTrataTimestamp, type Conversation } from '../../../contract';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import type { CallQuery, CallStore } from '../types';
import { openTestCallStore } from '../testing/open-test-stores';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Spreads the fixture over ten days, so ranges cover whole days and partial ones. */
function spread(conversations: Conversation[]): Conversation[] {
  return conversations.map((conversation, index) => {
    const start = parseTrataTimestamp(conversation.timestampStart)! + (index % 10) * DAY;
    return { ...conversation, timestampStart: formatTrataTimestamp(start) };
  });
}

const stores: CallStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
async function storeOf(conversations: Conversation[]): Promise<CallStore> {
  const store = await openTestCallStore();
  stores.push(store);
  await store.upsert(conversations);
  return store;
}

describe('the counts behind totals and facets', () => {
  it('follow inserts, updates and removals, for any range', async () => {
    const all = spread(fixtureConversations(80, 3));
    const store = await storeOf(all.slice(0, 60));
    // Updates move calls between sentiments, agents and days; new calls arrive; some go.
    const changed = all.slice(0, 30).map((conversation, index) => ({
      ...conversation,
      timestampStart: all[(index + 7) % 80]!.timestampStart,
      aiAgentId: all[(index + 3) % 80]!.aiAgentId,
      conversationAnalytics: {
        ...conversation.conversationAnalytics,
        sentiment_of_caller: ['negative', 'positive', null][index % 3],
      },
    }));
    await store.upsert([...changed, ...all.slice(60)]);
    const gone = all.slice(40, 50).map((conversation) => conversation.id);
    await store.remove(gone);

    const final = [...changed, ...all.slice(30)].filter((c) => !gone.includes(c.id));
    const fresh = await storeOf(final);
    // The counts themselves, not only their agreement with a store that was only inserted into.
    const all50: CallQuery = { sort_order: 'desc', skip: 0, limit: 5 };
    expect((await store.list(all50)).total).toBe(final.length);
    const negative = final.filter(
      (c) => c.conversationAnalytics?.sentiment_of_caller === 'negative',
    ).length;
    expect((await store.list({ ...all50, sentiment: ['negative'] })).total).toBe(negative);
    const first = Math.min(...final.map((c) => parseTrataTimestamp(c.timestampStart)!));
    const queries: Partial<CallQuery>[] = [
      {},
      { sentiment: ['negative'] },
      { from: first + 2.5 * DAY },
      { to: first + 6.2 * DAY },
      { from: first + 1.3 * DAY, to: first + 8.7 * DAY, agent: [final[0]!.aiAgentId!] },
      { from: first + 3.1 * DAY, to: first + 3.4 * DAY },
    ];
    for (const partial of queries) {
      const query: CallQuery = { sort_order: 'desc', skip: 0, limit: 5, ...partial };
      const expected = final.filter((c) => {
        const start = parseTrataTimestamp(c.timestampStart)!;
        if (query.from !== undefined && start < query.from) return false;
        if (query.to !== undefined && start >= query.to) return false;
        return !query.agent || query.agent.includes(c.aiAgentId!);
      });
      const counts = (await store.facets({ ...query, sentiment: undefined })).sentiment;
      for (const sentiment of ['negative', 'positive'] as const) {
        const calls = expected.filter(
          (c) => c.conversationAnalytics?.sentiment_of_caller === sentiment,
        );
        expect(counts[sentiment] ?? 0, `${sentiment} ${JSON.stringify(partial)}`).toBe(
          calls.length,
        );
      }
      expect(await store.facets(query), JSON.stringify(partial)).toEqual(await fresh.facets(query));
      expect((await store.list(query)).total, JSON.stringify(partial)).toBe(
        (await fresh.list(query)).total,
      );
    }
  });
});

describe('the counts of a range open at one end', () => {
  it('are the counts of every call on that side, across months, days, hours and minutes', async () => {
    // About 75 days of calls, each at its own hour and minute, so a range's ends fall inside
    // months, days and hours.
    const calls = fixtureConversations(120, 5).map((conversation, index) => {
      const start = parseTrataTimestamp(conversation.timestampStart)!;
      const at =
        start + (index % 75) * DAY + ((index * 7) % 24) * HOUR + ((index * 13) % 60) * MINUTE;
      return { ...conversation, timestampStart: formatTrataTimestamp(at) };
    });
    const store = await storeOf(calls);
    const starts = calls.map((c) => parseTrataTimestamp(c.timestampStart)!);
    const [first, last] = [Math.min(...starts), Math.max(...starts)];
    const ends = [
      first - DAY,
      first,
      first + 1,
      first + 17.3 * DAY,
      first + 40 * DAY + 5.5 * HOUR,
      last - 0.4 * HOUR,
      last,
      last + 1,
      last + 45 * DAY,
    ];
    const negative = (c: Conversation) =>
      c.conversationAnalytics?.sentiment_of_caller === 'negative';
    for (const end of ends) {
      for (const side of ['to', 'from'] as const) {
        const query: CallQuery = { sort_order: 'desc', skip: 0, limit: 5, [side]: end };
        const inRange = calls.filter((c, i) =>
          side === 'to' ? starts[i]! < end : starts[i]! >= end,
        );
        const label = `${side} ${new Date(end).toISOString()}`;
        expect((await store.list(query)).total, label).toBe(inRange.length);
        expect((await store.facets(query)).sentiment.negative ?? 0, label).toBe(
          inRange.filter(negative).length,
        );
      }
    }
    // A call after the last one is in the next range open at its start that reaches it.
    const later = {
      ...calls[0]!,
      id: 'con.after-the-last',
      timestampStart: formatTrataTimestamp(last + DAY),
    };
    await store.upsert([later]);
    const query: CallQuery = { sort_order: 'desc', skip: 0, limit: 5, to: last + 2 * DAY };
    expect((await store.list(query)).total).toBe(calls.length + 1);
    expect((await store.list({ ...query, to: last + 1 })).total).toBe(calls.length);
  });
});
