import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { conversationListQueryOptions, type ConversationPage } from '@/lib/conversations-api';
import { parseListParams, serializeListParams, type ListParams } from '@/lib/list-params';

export interface Neighbour {
  id: string;
  /** The list URL (its `?…`) the neighbour belongs to, carried in router state. */
  listSearch: string;
}

export interface Neighbours {
  listHref: string;
  listSearch: string;
  previous: Neighbour | undefined;
  next: Neighbour | undefined;
}

/**
 * The calls before and after this one in the list it was opened from (the list's URL travels in
 * router state; a new tab uses the default list). At the edge of a page, the neighbouring page
 * supplies the next or previous call, so a reviewer can walk the whole list without going back.
 */
export function useNeighbours(id: string): Neighbours {
  const location = useLocation();
  const state: unknown = location.state;
  const raw =
    state && typeof state === 'object' && 'listSearch' in state ? state.listSearch : undefined;
  const listSearch = typeof raw === 'string' && (raw === '' || raw.startsWith('?')) ? raw : '';
  const { params } = parseListParams(new URLSearchParams(listSearch));
  const page = useQuery(conversationListQueryOptions(params));
  const ids = idsOf(page.data);
  const index = ids.indexOf(id);
  const fullPage = (page.data?.rows.length ?? 0) >= params.limit;
  const nextParams: ListParams = { ...params, skip: params.skip + params.limit };
  const previousParams: ListParams = { ...params, skip: Math.max(0, params.skip - params.limit) };
  const nextPage = useQuery({
    ...conversationListQueryOptions(nextParams),
    enabled: index >= 0 && index === ids.length - 1 && fullPage,
  });
  const previousPage = useQuery({
    ...conversationListQueryOptions(previousParams),
    enabled: index === 0 && params.skip > 0,
  });

  const here = (neighbourId: string | undefined) =>
    neighbourId ? { id: neighbourId, listSearch } : undefined;
  const there = (neighbourId: string | undefined, of: ListParams) =>
    neighbourId ? { id: neighbourId, listSearch: toSearch(of) } : undefined;
  return {
    listHref: `/${listSearch}`,
    listSearch,
    previous:
      index > 0
        ? here(ids[index - 1])
        : index === 0
          ? there(settled(previousPage).at(-1), previousParams)
          : undefined,
    next:
      index >= 0 && index < ids.length - 1
        ? here(ids[index + 1])
        : index >= 0
          ? there(settled(nextPage)[0], nextParams)
          : undefined,
  };
}

/** A neighbouring page's ids, but never a stale page shown as a placeholder. */
function settled(query: { data?: ConversationPage; isPlaceholderData: boolean }): string[] {
  return query.isPlaceholderData ? [] : idsOf(query.data);
}

function idsOf(page: ConversationPage | undefined): string[] {
  return (page?.rows ?? []).flatMap((row) => (row.kind === 'ok' ? [row.conversation.id] : []));
}

function toSearch(params: ListParams): string {
  const search = serializeListParams(params).toString();
  return search ? `?${search}` : '';
}
