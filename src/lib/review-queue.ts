import type { ConversationPage, ConversationRow } from './conversations-api';
import {
  parseListParams,
  serializeListParams,
  type ListParams,
  type PageSize,
} from './list-params';

/**
 * "Review next": the next call of a list, in its own filters and order, that is still to
 * review. The list is walked forward from a place in it, a page at a time, reading each page
 * afresh, since a colleague may have reviewed calls since the page was loaded.
 */

/** How many calls one look-ahead request reads. */
export const SCAN_LIMIT: PageSize = 100;
/** The look-ahead gives up after this many calls, rather than read a whole account. */
export const SCAN_MAX_CALLS = 2_000;

/**
 * The index in `rows` of the first call still to review, leaving out `skipId` (the call the
 * reviewer is leaving); -1 when there is none. A row without a review summary (a server
 * without reviews) is not taken for one to review.
 */
export function pickNextToReview(rows: readonly ConversationRow[], skipId: string | null): number {
  return rows.findIndex(
    (row) =>
      row.kind === 'ok' &&
      row.conversation.id !== skipId &&
      row.conversation.review?.state === 'to_review',
  );
}

export interface QueuePlace {
  /** The call the reviewer is on, or null from the list itself (its page's first call on). */
  id: string | null;
  /** The list (its `?…`) to walk: the page that holds `id`, or the page on screen. */
  listSearch: string;
}

export type QueueAnswer =
  | { kind: 'found'; id: string; listSearch: string }
  /** Nothing to review from there to the end of the list. */
  | { kind: 'none' }
  /** Nothing within the first SCAN_MAX_CALLS calls from there. */
  | { kind: 'gave-up'; scanned: number };

export interface QueueReaders {
  /** A page as already loaded, to find where `id` stood (it may have left the list since). */
  cached(params: ListParams): ConversationPage | undefined;
  /** A page read afresh. */
  fresh(params: ListParams): Promise<ConversationPage>;
}

/**
 * Where "Review next" goes from `place`. The walk starts where the call stood on its page as
 * loaded: a call marked reviewed may have left a list filtered to "to review", and the call
 * after it has moved up into its place.
 */
export async function findNextToReview(
  place: QueuePlace,
  readers: QueueReaders,
): Promise<QueueAnswer> {
  const { params } = parseListParams(new URLSearchParams(place.listSearch));
  let start = params.skip;
  if (place.id !== null) {
    const page = readers.cached(params) ?? (await readers.fresh(params));
    const at = page.rows.findIndex((row) => row.kind === 'ok' && row.conversation.id === place.id);
    if (at >= 0) start += at;
  }
  for (let skip = start; skip < start + SCAN_MAX_CALLS; skip += SCAN_LIMIT) {
    const page = await readers.fresh({ ...params, skip, limit: SCAN_LIMIT });
    const at = pickNextToReview(page.rows, place.id);
    if (at >= 0) {
      const row = page.rows[at] as Extract<ConversationRow, { kind: 'ok' }>;
      return { kind: 'found', id: row.conversation.id, listSearch: pageOf(params, skip + at) };
    }
    if (page.rows.length < SCAN_LIMIT) return { kind: 'none' };
  }
  return { kind: 'gave-up', scanned: SCAN_MAX_CALLS };
}

/** The list URL of the page (in the list's own page size) that holds position `index`. */
function pageOf(params: ListParams, index: number): string {
  const skip = Math.floor(index / params.limit) * params.limit;
  const search = serializeListParams({ ...params, skip }).toString();
  return search ? `?${search}` : '';
}
