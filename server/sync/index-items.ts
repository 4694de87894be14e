import { parseTrataTimestamp, type Conversation } from '../../contract';
import type { CallIndex, UpsertOptions, UpsertResult } from '../store/types';
import { parseForIndex } from './lenient-parse';

export interface IndexedPage extends UpsertResult {
  /** Every id on the page, indexed or skipped: what the sweep has now read. */
  ids: string[];
  /** `updatedAt` of each item in page order (null when missing or unreadable). */
  updatedAt: (number | null)[];
}

/**
 * Indexes one page of raw items: each is checked on its own, so a call that breaks the schema
 * is indexed without the broken fields, or skipped, and listed in the sync status either way.
 */
export async function indexItems(
  store: CallIndex,
  items: unknown[],
  firstPosition: number,
  sweep?: string,
  options?: UpsertOptions,
): Promise<IndexedPage> {
  const good: Conversation[] = [];
  const ids: string[] = [];
  const updatedAt: (number | null)[] = [];
  const okIds: string[] = [];
  const at = new Date().toISOString();
  for (const [index, item] of items.entries()) {
    const parsed = parseForIndex(item, firstPosition + index);
    if (parsed.kind === 'skipped') {
      await store.noteSkipped({ id: parsed.id, reason: parsed.reason, at });
      ids.push(parsed.id);
      updatedAt.push(null);
      continue;
    }
    const { conversation } = parsed;
    if (parsed.kind === 'partial') {
      await store.noteSkipped({ id: conversation.id, reason: parsed.reason, at });
    } else okIds.push(conversation.id);
    good.push(conversation);
    ids.push(conversation.id);
    updatedAt.push(parseTrataTimestamp(conversation.updatedAt));
  }
  const result = await store.upsert(good, sweep, options);
  // A call that was skipped before and is whole now leaves the list.
  if ((await store.skipped(0)).count > 0) {
    for (const id of okIds) await store.forgetSkipped(id);
  }
  return { ...result, ids, updatedAt };
}
