import { parseTrataTimestamp } from '@contract';
import type { ConversationPage } from '@/lib/conversations-api';
import { LIST_DEFAULTS, type ListParams } from '@/lib/list-params';
import { toListSearch } from './call-order';

export interface CallKey {
  id: string;
  timestampStart: string | null | undefined;
}

/**
 * Where `row` stands against `call` in the default order (newest first; equal times by id,
 * descending, as the API breaks ties): negative before it, positive after, 0 the call itself.
 * NaN when either time is unknown.
 */
export function compareInDefaultOrder(row: CallKey, call: CallKey): number {
  if (row.id === call.id) return 0;
  const a = parseTrataTimestamp(row.timestampStart);
  const b = parseTrataTimestamp(call.timestampStart);
  if (a === null || b === null) return Number.NaN;
  if (a !== b) return a > b ? -1 : 1;
  return row.id > call.id ? -1 : 1;
}

const MAX_REQUESTS = 24;

/**
 * The list URL (`?…`) of the default list's page that holds `call`, for a call opened from a
 * link: the list is sorted by time, so a binary search over its pages finds it in a handful of
 * requests even among thousands of calls. Null when it is not found (deleted, or no time).
 */
export async function locateInDefaultList(
  call: CallKey,
  fetchPage: (params: ListParams) => Promise<ConversationPage>,
): Promise<string | null> {
  if (parseTrataTimestamp(call.timestampStart) === null) return null;
  const limit = LIST_DEFAULTS.limit;
  const paramsOf = (page: number): ListParams => ({ ...LIST_DEFAULTS, skip: page * limit });
  let requests = 0;
  /** 0: the page holds the call; -1: the call comes after the page; 1: before it; null: lost. */
  const probe = async (page: number): Promise<0 | 1 | -1 | null> => {
    requests += 1;
    const rows = (await fetchPage(paramsOf(page))).rows.flatMap((row) =>
      row.kind === 'ok' ? [row.conversation] : [],
    );
    if (rows.some((row) => row.id === call.id)) return 0;
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last || compareInDefaultOrder(first, call) > 0) return 1;
    // After a page that is the list's last, or within the span of one that lacks it: not listed.
    if (compareInDefaultOrder(last, call) < 0 && rows.length >= limit) return -1;
    return null;
  };

  // Double the page until the call is before it, then halve the range: O(log pages) requests.
  let low = 0;
  let high = 0;
  for (let page = 0; ; page = Math.max(1, page * 2)) {
    if (requests >= MAX_REQUESTS) return null;
    const side = await probe(page);
    if (side === 0) return toListSearch(paramsOf(page));
    if (side === null) return null;
    if (side > 0) {
      high = page;
      break;
    }
    low = page + 1;
  }
  while (low < high && requests < MAX_REQUESTS) {
    const middle = Math.floor((low + high) / 2);
    const side = await probe(middle);
    if (side === 0) return toListSearch(paramsOf(middle));
    if (side === null) return null;
    if (side > 0) high = middle;
    else low = middle + 1;
  }
  return null;
}
