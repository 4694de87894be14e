import { useQuery } from '@tanstack/react-query';
import { conversationListQueryOptions, type ConversationPage } from '@/lib/conversations-api';
import { parseListParams, type ListParams } from '@/lib/list-params';
import { idsOf, toListSearch } from './navigation/call-order';

export interface Neighbour {
  id: string;
  /** The list URL (its `?…`) the neighbour belongs to, carried in router state. */
  listSearch: string;
}

export interface Neighbours {
  listHref: string;
  previous: Neighbour | undefined;
  next: Neighbour | undefined;
}

/**
 * The calls before and after this one in its list (`listSearch`, null when it has none), for
 * the header's links (none while it is unknown). At the edge of a page, the neighbouring page supplies the next or previous
 * call, so a reviewer can walk the whole list without going back.
 */
export function useNeighbours(id: string, listSearch: string | null | undefined): Neighbours {
  const { params } = parseListParams(new URLSearchParams(listSearch ?? ''));
  const known = typeof listSearch === 'string';
  const page = useQuery({ ...conversationListQueryOptions(params), enabled: known });
  const ids = known ? idsOf(page.data) : [];
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
    neighbourId && known ? { id: neighbourId, listSearch } : undefined;
  const there = (neighbourId: string | undefined, of: ListParams) =>
    neighbourId ? { id: neighbourId, listSearch: toListSearch(of) } : undefined;
  return {
    listHref: `/${listSearch ?? ''}`,
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
