import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { exportRowOfItem } from './export-row';
import { openTestStores, type TestStores } from './testing/open-test-stores';
import { testBackend } from './testing/test-database';
import type { CallCursor, CallQuery, CallStore, ExportRow } from './types';

let stores: TestStores | undefined;
afterEach(async () => {
  await stores?.close();
  stores = undefined;
});

/** Every chunk of a walk of `size` rows, through `read`. */
async function walk<R>(
  read: (after: CallCursor | null) => Promise<{ rows: R[]; next: CallCursor | null }>,
): Promise<R[]> {
  const rows: R[] = [];
  let after: CallCursor | null = null;
  for (;;) {
    const chunk = await read(after);
    rows.push(...chunk.rows);
    if (!chunk.next) return rows;
    after = chunk.next;
  }
}

const listed = (store: CallStore, q: CallQuery, size: number) =>
  walk(async (after) => {
    const chunk = await store.listAfter(q, after, size);
    return { rows: chunk.items.map(exportRowOfItem), next: chunk.next };
  });
const exported = (store: CallStore, q: CallQuery, size: number) =>
  walk<ExportRow>((after) => store.exportAfter(q, after, size));

/** The fixture with what the columns alone cannot tell apart: consent refused and unknown. */
function varied(conversations: Conversation[]): Conversation[] {
  return conversations.map((conversation, index) => {
    const analytics = { ...conversation.conversationAnalytics };
    analytics.is_audio_consent_given = [true, false, null][index % 3];
    if (index % 7 === 0) delete analytics.phone_number_of_caller;
    if (index % 11 === 0) delete analytics.summary;
    return {
      ...conversation,
      conversationAnalytics: analytics,
      ...(index % 13 === 0 ? { timestampStart: 'unknown' } : {}),
    };
  });
}

describe(`an export's walk (${testBackend()})`, () => {
  it("gives the list walk's rows, in its order and chunks, as plain values", async () => {
    stores = await openTestStores();
    const { calls } = stores;
    await calls.upsert(varied(fixtureConversations(120, 7)));
    await calls.upsertAgents([{ id: 'aia.1727.alpha', name: 'Alpha' }]);
    const queries: CallQuery[] = [
      { sort_order: 'desc', skip: 0, limit: 50 },
      { sort_by: 'timestampStart', sort_order: 'asc', skip: 0, limit: 50 },
      { sort_by: 'name_of_caller', sort_order: 'desc', skip: 0, limit: 50, consent: 'missing' },
      { sort_by: 'duration', sort_order: 'asc', skip: 0, limit: 50, sentiment: ['positive'] },
    ];
    for (const q of queries) {
      const rows = await exported(calls, q, 9);
      expect(rows.length, JSON.stringify(q)).toBe(await calls.total(q));
      expect(rows, JSON.stringify(q)).toEqual(await listed(calls, q, 9));
    }
    const all = await exported(calls, queries[0]!, 1000);
    // The fixture holds each case the plain columns could lose.
    expect(new Set(all.map((row) => row.consentGiven))).toEqual(new Set([true, false, null]));
    expect(all.some((row) => row.start === null)).toBe(true);
    expect(all.some((row) => row.agentName === 'Alpha')).toBe(true);
  });
});
