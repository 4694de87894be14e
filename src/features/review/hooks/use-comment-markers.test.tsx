import {
  defaultScheduler,
  notifyManager,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallReview, ReviewComment } from '@contract';
import { reviewKeys } from '@/lib/query-keys';
import { useCommentMarkers } from './use-comment-markers';

const CALL_ID = 'con.1.MARKERS';

const comment: ReviewComment = {
  id: 'c1',
  author: 'Dana',
  text: 'Greets the caller by name',
  atSeconds: 12,
  version: 1,
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
};

const review: CallReview = {
  reviews: [],
  comments: [comment],
  history: [],
  actionItems: [],
  delivery: { state: 'none', reason: null, reviewers: [] },
  me: 'Dana',
};

function renderMarkers() {
  // Never stale: the cache set below is all the hook sees, with no request made.
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  client.setQueryData(reviewKeys.detail(CALL_ID), review);
  let renders = 0;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(
    () => {
      renders++;
      return useCommentMarkers(CALL_ID);
    },
    { wrapper },
  );
  return { client, hook, renders: () => renders };
}

describe('useCommentMarkers', () => {
  // Cache changes reach the hook inside act(), so "no render" is checked after they arrived.
  beforeAll(() => notifyManager.setScheduler((callback) => callback()));
  afterAll(() => notifyManager.setScheduler(defaultScheduler));

  it('leaves the call page alone when only a rating changes', () => {
    const { client, hook, renders } = renderMarkers();
    const before = renders();
    const markers = hook.result.current;
    act(() => {
      client.setQueryData<CallReview>(reviewKeys.detail(CALL_ID), (current) => ({
        ...current!,
        reviews: [
          {
            reviewer: 'Dana',
            rating: 4,
            status: 'to_review',
            followUpReason: null,
            version: 1,
            createdAt: '2026-12-02T10:00:00.000Z',
            updatedAt: '2026-12-02T10:00:00.000Z',
          },
        ],
      }));
    });
    expect(renders()).toBe(before);
    expect(hook.result.current).toBe(markers);
  });

  it('follows a change of the comments', () => {
    const { client, hook } = renderMarkers();
    expect(hook.result.current.map((marker) => marker.seconds)).toEqual([12]);
    act(() => {
      client.setQueryData<CallReview>(reviewKeys.detail(CALL_ID), (current) => ({
        ...current!,
        comments: [...current!.comments, { ...comment, id: 'c2', atSeconds: 3 }],
      }));
    });
    expect(hook.result.current.map((marker) => marker.seconds)).toEqual([3, 12]);
  });
});
