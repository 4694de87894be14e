import type { ConversationPage } from '@/lib/conversations-api';
import { parseListParams, serializeListParams, type ListParams } from '@/lib/list-params';
import type { CallOrder } from './walk-calls';

export interface LoadedOrder extends CallOrder {
  /** The list URL (its `?…`) of the page a call of `ids` is on. */
  listSearchOf(id: string): string;
}

export type FetchPage = (params: ListParams) => Promise<ConversationPage>;

/**
 * The list's order around one of its pages: that page with the page before and after it, so
 * a step from any of its calls, the first and last included, is known without another request.
 */
export async function loadCallOrder(
  fetchPage: FetchPage,
  listSearch: string,
): Promise<LoadedOrder> {
  const { params } = parseListParams(new URLSearchParams(listSearch));
  const previousParams: ListParams = { ...params, skip: Math.max(0, params.skip - params.limit) };
  const nextParams: ListParams = { ...params, skip: params.skip + params.limit };
  const current = await fetchPage(params);
  const full = current.rows.length >= params.limit;
  const [previous, next] = await Promise.all([
    params.skip > 0 ? fetchPage(previousParams) : undefined,
    full ? fetchPage(nextParams) : undefined,
  ]);
  // A page that starts off the grid (skip not a multiple of limit) overlaps the one before it.
  const before = idsOf(previous).slice(0, params.skip - previousParams.skip);
  const here = idsOf(current);
  const after = idsOf(next);
  const pageOf = new Map<string, string>([
    ...before.map((id) => [id, toListSearch(previousParams)] as const),
    ...here.map((id) => [id, listSearch] as const),
    ...after.map((id) => [id, toListSearch(nextParams)] as const),
  ]);
  return {
    ids: [...before, ...here, ...after],
    moreBefore: previousParams.skip > 0,
    moreAfter: (next?.rows.length ?? 0) >= params.limit,
    listSearchOf: (id) => pageOf.get(id) ?? listSearch,
  };
}

export function idsOf(page: ConversationPage | undefined): string[] {
  return (page?.rows ?? []).flatMap((row) => (row.kind === 'ok' ? [row.conversation.id] : []));
}

export function toListSearch(params: ListParams): string {
  const search = serializeListParams(params).toString();
  return search ? `?${search}` : '';
}
