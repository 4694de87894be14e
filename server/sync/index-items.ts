import type { CallIndex, UpsertOptions, UpsertResult } from '../store/types';
import type { PreparedItem } from './prepare-items';

export interface IndexedPage extends UpsertResult {
  /** Every id on the page, indexed or skipped: what the sweep has now read. */
  ids: string[];
  /** `updatedAt` of each item in page order (null when missing or unreadable). */
  updatedAt: (number | null)[];
}

/**
 * Indexes one page of prepared items (see `prepareItems`): a call that broke the schema is
 * indexed without the broken fields, or skipped, and listed in the sync status either way.
 */
export async function indexItems(
  store: CallIndex,
  items: PreparedItem[],
  sweep?: string,
  options?: UpsertOptions,
): Promise<IndexedPage> {
  const ids: string[] = [];
  const updatedAt: (number | null)[] = [];
  const okIds: string[] = [];
  const at = new Date().toISOString();
  for (const item of items) {
    ids.push(item.label);
    if (item.kind === 'skipped') {
      await store.noteSkipped({ id: item.label, reason: item.reason, at });
      updatedAt.push(null);
      continue;
    }
    if (item.kind === 'partial') {
      await store.noteSkipped({ id: item.label, reason: item.reason, at });
    } else okIds.push(item.id);
    updatedAt.push(item.updatedAt);
  }
  const records = items.flatMap((item) => (item.kind === 'skipped' ? [] : [item.record]));
  const result = await store.upsertRecords(records, sweep, options);
  // A call that was skipped before and is whole now leaves the list.
  if ((await store.skipped(0)).count > 0) {
    for (const id of okIds) await store.forgetSkipped(id);
  }
  return { ...result, ids, updatedAt };
}
