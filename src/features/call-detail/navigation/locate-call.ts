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
const PROBE_LIMIT = 100;

/** The list URL of the default list's page that holds the call at `position`. */
function pageHolding(position: number): string {
  const size = LIST_DEFAULTS.limit;
  return toListSearch({ ...LIST_DEFAULTS, skip: Math.floor(position / size) * size });
}

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
  // Probes read the largest pages the API serves; the answer is the default page size's page.
  const limit = PROBE_LIMIT;
  const paramsOf = (page: number): ListParams => ({ ...LIST_DEFAULTS, limit, skip: page * limit });
  let requests = 0;
  let found = -1;
  /** Known when the API sends a total: the doubling then never looks past the end. */
  let lastPage = Number.POSITIVE_INFINITY;
  /** 0: the page holds the call; -1: the call comes after the page; 1: before it; null: lost. */
  const probe = async (page: number): Promise<0 | 1 | -1 | null> => {
    requests += 1;
    const { rows: all, total } = await fetchPage(paramsOf(page));
    if (total !== null) lastPage = Math.max(0, Math.ceil(total / limit) - 1);
    const at = all.findIndex((row) => row.kind === 'ok' && row.conversation.id === call.id);
    if (at >= 0) {
      found = page * limit + at;
      return 0;
    }
    const rows = all.flatMap((row) => (row.kind === 'ok' ? [row.conversation] : []));
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
  for (let page = 0; ; page = Math.min(lastPage, Math.max(1, page * 2))) {
    if (requests >= MAX_REQUESTS) return null;
    const side = await probe(page);
    if (side === 0) return pageHolding(found);
    if (side === null) return null;
    if (side > 0) {
      high = page;
      break;
    }
    low = page + 1;
    if (page >= lastPage) return null;
  }
  while (low < high && requests < MAX_REQUESTS) {
    const middle = Math.floor((low + high) / 2);
    const side = await probe(middle);
    if (side === 0) return pageHolding(found);
    if (side === null) return null;
    if (side > 0) high = middle;
    else low = middle + 1;
  }
  return null;
}
