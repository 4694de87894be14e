import { useQuery } from '@tanstack/react-query';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { listSearchProblem, serializeListParams, type ListParams } from '@/lib/list-params';
import { useReviewerKnown } from '@/lib/reviewer-name';
import { useShownPage } from './use-shown-page';

/** How often a visible list asks for new calls; a hidden tab does not ask. */
export const LIST_REFRESH_MS = 30_000;

/**
 * The list's rows for these params. A search the API would refuse is not sent: its problem is
 * returned instead. The list refreshes when the tab comes back and every little while it is
 * visible; new calls wait behind a button (see `useShownPage`).
 */
export function useCallList(params: ListParams) {
  const reviewerKnown = useReviewerKnown();
  const searchProblem = listSearchProblem(params) ?? mineProblem(params, reviewerKnown);
  const query = useQuery({
    ...conversationListQueryOptions(params),
    enabled: searchProblem === null,
    refetchInterval: LIST_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
  const shown = useShownPage(
    serializeListParams(params).toString(),
    query.data,
    query.isPlaceholderData,
  );
  return { query, searchProblem, ...shown };
}

/** "Reviewed by me" asks who "me" is: without a name the server could only refuse it. */
function mineProblem(params: ListParams, reviewerKnown: boolean): string | null {
  if (!params.review?.includes('mine') || reviewerKnown) return null;
  return '“Reviewed by me” needs your reviewer name: open a call and review it once to set it.';
}
