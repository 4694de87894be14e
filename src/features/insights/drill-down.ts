import { REVIEWED_STATES, type ReviewFilter } from '@contract';
import { DEFAULT_LIST_PARAMS, serializeListParams, type ListParams } from '@/lib/list-params';

/** The list's filters the page carries over: the window is set per link. */
export type InsightFilters = Omit<ListParams, 'sort_by' | 'sort_order' | 'skip' | 'limit'>;

/**
 * A link to the list with exactly the filters that produced a number: the page's filters, the
 * span the number covers and the value it counts (which replaces that filter), from the first
 * page in the default order, so the list's total is the number clicked.
 */
export function listHref(
  filters: InsightFilters,
  span: { from: string; to: string },
  changes: Partial<InsightFilters> = {},
): string {
  const params: ListParams = { ...DEFAULT_LIST_PARAMS, ...filters, ...span, ...changes };
  return `/?${serializeListParams(params).toString()}`;
}

/**
 * The review filter that lists exactly the calls counted as reviewed: the reviewed states, or
 * those of the page's own review filter. Null when the page filters on `mine`: the list ORs its
 * review values, so no single filter lists "mine and reviewed".
 */
export function reviewedFilter(
  pageReview: readonly ReviewFilter[] | undefined,
): ReviewFilter[] | null {
  if (pageReview === undefined || pageReview.length === 0) return [...REVIEWED_STATES];
  if (pageReview.includes('mine')) return null;
  return REVIEWED_STATES.filter((state) => pageReview.includes(state));
}

/**
 * The review filter that lists the calls a mean rating is taken over (those with a rating).
 * Null when the page has a review filter of its own other than `rated`: the list ORs review
 * values, so "in this state and rated" has no single filter.
 */
export function ratedFilter(
  pageReview: readonly ReviewFilter[] | undefined,
): ReviewFilter[] | null {
  if (pageReview === undefined || pageReview.every((value) => value === 'rated')) return ['rated'];
  return null;
}
