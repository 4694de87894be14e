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
