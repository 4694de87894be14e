import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CallReview } from '@contract';
import type { ConversationPage } from '@/lib/conversations-api';
import { conversationKeys, reviewKeys } from '@/lib/query-keys';
import { summarizeReview, withRowReview } from '@/lib/review-summary';
import { describeWriteError } from '../write-error';

interface ReviewWrite<Variables, Result> {
  callId: string;
  /** What the write is, for a message: "Saving the rating". */
  what: string;
  write(variables: Variables): Promise<Result>;
  /** The review as it looks at once, before the server answers. */
  optimistic(review: CallReview, variables: Variables): CallReview;
  /** The review with the server's answer in place of the optimistic guess. */
  saved?(review: CallReview, result: Result, variables: Variables): CallReview;
  onProblem(message: string | null): void;
}

/** The call's row in every list page already loaded shows the review as it now stands. */
function showInLists(client: QueryClient, callId: string, review: CallReview | undefined): void {
  if (!review) return;
  const summary = summarizeReview(review);
  client.setQueriesData<ConversationPage>({ queryKey: conversationKeys.lists() }, (page) =>
    page ? withRowReview(page, callId, summary) : page,
  );
}

/**
 * One optimistic write to a call's review: the cache changes at once, a failure puts the
 * snapshot back and says why, and either way the review is fetched again so history and delivery
 * catch up.
 */
export function useReviewWrite<Variables, Result>(options: ReviewWrite<Variables, Result>) {
  const client = useQueryClient();
  const key = reviewKeys.detail(options.callId);
  const mutationKey = [...key, 'write'];
  return useMutation({
    mutationKey,
    mutationFn: options.write,
    onMutate: async (variables: Variables) => {
      // A poll landing now would overwrite the optimistic state with the state before it.
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<CallReview>(key);
      if (previous) client.setQueryData(key, options.optimistic(previous, variables));
      showInLists(client, options.callId, client.getQueryData<CallReview>(key));
      options.onProblem(null);
      return { previous };
    },
    onError: (error, _variables, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
      showInLists(client, options.callId, context?.previous);
      options.onProblem(describeWriteError(options.what, error));
    },
    onSuccess: (result, variables) => {
      const { saved } = options;
      if (!saved) return;
      client.setQueryData<CallReview>(key, (review) =>
        review ? saved(review, result, variables) : review,
      );
      showInLists(client, options.callId, client.getQueryData<CallReview>(key));
    },
    // Only after the last write in flight: an earlier refetch would show a later write undone.
    onSettled: () =>
      client.isMutating({ mutationKey }) === 1
        ? client.invalidateQueries({ queryKey: key })
        : undefined,
  });
}
