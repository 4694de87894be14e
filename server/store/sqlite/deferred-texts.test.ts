import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../contract';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import type { CallQuery, CallStore } from '../types';
import { createSqliteCallStore } from './sqlite-call-store';

const base: CallQuery = { sort_order: 'desc', skip: 0, limit: 100 };
const ids = async (store: CallStore, q: string) =>
  (await store.list({ ...base, q })).items.map((item) => item.id).sort();
const withSummary = (conversation: Conversation, summary: string): Conversation => ({
  ...conversation,
  transcriptSummary: summary,
  conversationAnalytics: { ...conversation.conversationAnalytics, summary },
});

let store: CallStore;
afterEach(() => store.close());

describe('texts left for the free-text index', () => {
  it('are found before, while and after they are indexed, and follow updates and removals', async () => {
    store = createSqliteCallStore(':memory:');
    const [first, second, third] = fixtureConversations(3, 5) as [
      Conversation,
      Conversation,
      Conversation,
    ];
    await store.upsert([withSummary(first, 'zebra crossing')]);
    await store.upsert([withSummary(second, 'zebra stripes'), withSummary(third, 'plain')], 's', {
      deferText: true,
    });
    expect(await store.deferredTexts()).toBe(2);
    expect(await ids(store, 'zebra')).toEqual([first.id, second.id].sort());

    // A deferred call that changes stays deferred, and is found by its new text only.
    await store.upsert([withSummary(second, 'giraffe')]);
    expect(await store.deferredTexts()).toBe(2);
    expect(await ids(store, 'zebra')).toEqual([first.id]);
    expect(await ids(store, 'giraffe')).toEqual([second.id]);

    expect(await store.indexDeferredTexts(1)).toBe(1);
    expect(await ids(store, 'giraffe')).toEqual([second.id]);
    expect(await store.indexDeferredTexts(10)).toBe(0);
    expect(await ids(store, 'giraffe')).toEqual([second.id]);
    expect(await ids(store, 'plain')).toEqual([third.id]);

    // An indexed call that changes with its text deferred: its old trigrams are gone.
    await store.upsert([withSummary(first, 'okapi')], undefined, { deferText: true });
    expect(await ids(store, 'zebra')).toEqual([]);
    expect(await ids(store, 'okapi')).toEqual([first.id]);

    expect(await store.remove([first.id, third.id])).toBe(2);
    expect(await store.deferredTexts()).toBe(0);
    expect(await ids(store, 'okapi')).toEqual([]);
    expect(await ids(store, 'plain')).toEqual([]);
  });
});
