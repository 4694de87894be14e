import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { parseListParams } from '@/lib/list-params';

/**
 * The calls before and after this one in the list it was opened from (the list's URL travels in
 * router state), so a reviewer can step through them without going back.
 */
export function useNeighbours(id: string) {
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: unknown } | null)?.listSearch;
  const search = typeof listSearch === 'string' ? listSearch : '';
  const { params } = parseListParams(new URLSearchParams(search));
  const { data } = useQuery(conversationListQueryOptions(params));
  const ids = (data?.rows ?? []).flatMap((row) => (row.kind === 'ok' ? [row.conversation.id] : []));
  const index = ids.indexOf(id);
  return {
    listHref: `/${search}`,
    listSearch: search,
    previous: index > 0 ? ids[index - 1] : undefined,
    next: index >= 0 ? ids[index + 1] : undefined,
  };
}
