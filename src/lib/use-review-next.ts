import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { conversationListQueryOptions, type ConversationPage } from './conversations-api';
import { formatCount } from './format-count';
import type { QueuePlace } from './review-queue';

// The walk runs only on a press: its code stays out of the list's first JS.
const loadQueue = () => import('./review-queue');

export interface ReviewNext {
  /** Opens the next call still to review after `place`; a press while one is sought is ignored. */
  open(place: QueuePlace): void;
  busy: boolean;
  /** Why nothing opened, in words; null after a press that opened a call. */
  message: string | null;
}

/**
 * "Review next" for the list and the call page: finds the call (see `findNextToReview`) and
 * opens it with its list page in router state, so j/k and the next "Review next" go on from
 * there. Reviews are saved by their own mutations, which carry on across the navigation.
 */
export function useReviewNext(): ReviewNext {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const running = useRef(false);

  const open = useCallback(
    (place: QueuePlace) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setMessage(null);
      void loadQueue()
        .then(({ findNextToReview }) =>
          findNextToReview(place, {
            cached: (params) =>
              queryClient.getQueryData<ConversationPage>(
                conversationListQueryOptions(params).queryKey,
              ),
            fresh: (params) =>
              queryClient.fetchQuery({ ...conversationListQueryOptions(params), staleTime: 0 }),
          }),
        )
        .then((answer) => {
          if (answer.kind === 'found') {
            void navigate(`/calls/${encodeURIComponent(answer.id)}`, {
              state: { listSearch: answer.listSearch },
            });
          } else if (answer.kind === 'none') {
            setMessage(
              place.id === null
                ? 'No call in this list is left to review.'
                : 'No call after this one in the list is left to review.',
            );
          } else {
            setMessage(`None of the next ${formatCount(answer.scanned)} calls is left to review.`);
          }
        })
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          setMessage(`The next call to review could not be found: ${reason}`);
        })
        .finally(() => {
          running.current = false;
          setBusy(false);
        });
    },
    [navigate, queryClient],
  );

  return { open, busy, message };
}
