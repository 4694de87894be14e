import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../contract';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import type { CallQuery, CallStore } from '../types';
import { createSqliteCallStore } from './sqlite-call-store';

const base: CallQuery = { sort_order: 'desc', skip: 0, limit: 100 };
const ids = (store: CallStore, q: string) =>
  store
    .list({ ...base, q })
    .items.map((item) => item.id)
    .sort();
const withSummary = (conversation: Conversation, summary: string): Conversation => ({
  ...conversation,
  transcriptSummary: summary,
  conversationAnalytics: { ...conversation.conversationAnalytics, summary },
});

let store: CallStore;
afterEach(() => store.close());

describe('texts left for the free-text index', () => {
  it('are found before, while and after they are indexed, and follow updates and removals', () => {
    store = createSqliteCallStore(':memory:');
    const [first, second, third] = fixtureConversations(3, 5) as [
      Conversation,
      Conversation,
      Conversation,
    ];
    store.upsert([withSummary(first, 'zebra crossing')]);
    store.upsert([withSummary(second, 'zebra stripes'), withSummary(third, 'plain')], 's', {
      deferText: true,
    });
    expect(store.deferredTexts()).toBe(2);
    expect(ids(store, 'zebra')).toEqual([first.id, second.id].sort());

    // A deferred call that changes stays deferred, and is found by its new text only.
    store.upsert([withSummary(second, 'giraffe')]);
    expect(store.deferredTexts()).toBe(2);
    expect(ids(store, 'zebra')).toEqual([first.id]);
    expect(ids(store, 'giraffe')).toEqual([second.id]);

    expect(store.indexDeferredTexts(1)).toBe(1);
    expect(ids(store, 'giraffe')).toEqual([second.id]);
    expect(store.indexDeferredTexts(10)).toBe(0);
    expect(ids(store, 'giraffe')).toEqual([second.id]);
    expect(ids(store, 'plain')).toEqual([third.id]);

    // An indexed call that changes with its text deferred: its old trigrams are gone.
    store.upsert([withSummary(first, 'okapi')], undefined, { deferText: true });
    expect(ids(store, 'zebra')).toEqual([]);
    expect(ids(store, 'okapi')).toEqual([first.id]);

    expect(store.remove([first.id, third.id])).toBe(2);
    expect(store.deferredTexts()).toBe(0);
    expect(ids(store, 'okapi')).toEqual([]);
    expect(ids(store, 'plain')).toEqual([]);
  });
});
