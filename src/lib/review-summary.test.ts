import { describe, expect, it } from 'vitest';
import type { CallListItem, CallReview, Review } from '@contract';
import type { ConversationPage } from './conversations-api';
import { summarizeReview, withRowReview } from './review-summary';

const entry = (reviewer: string, rating: number | null, status: Review['status']): Review => ({
  reviewer,
  rating,
  status,
  followUpReason: status === 'follow_up' ? 'call back' : null,
  version: 1,
  createdAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
});
const review = (reviews: Review[], me: string | null, comments = 0): CallReview => ({
  reviews,
  comments: Array.from({ length: comments }, (_, i) => ({
    id: `c${i}`,
    author: 'Ana',
    text: 'ok',
    atSeconds: null,
    version: 1,
    createdAt: '2026-11-30T10:00:00Z',
    updatedAt: '2026-11-30T10:00:00Z',
  })),
  history: [],
  actionItems: [],
  delivery: { state: 'none', reviewers: [] } as unknown as CallReview['delivery'],
  me,
});

describe('summarizeReview', () => {
  it('has follow-up win, averages the given ratings to one decimal, and finds mine', () => {
    expect(
      summarizeReview(
        review(
          [
            entry('Ana', 4, 'reviewed'),
            entry('Bo', 5, 'follow_up'),
            entry('Cy', null, 'to_review'),
          ],
          'Ana',
          2,
        ),
      ),
    ).toEqual({
      state: 'follow_up',
      reviewers: 3,
      averageRating: 4.5,
      comments: 2,
      myRating: 4,
      myStatus: 'reviewed',
    });
    expect(
      summarizeReview(
        review(
          [entry('Ana', 2, 'to_review'), entry('Bo', 3, 'to_review'), entry('Cy', 3, 'reviewed')],
          null,
        ),
      ),
    ).toMatchObject({
      state: 'reviewed',
      averageRating: 2.7,
      myRating: null,
    });
    expect(summarizeReview(review([], 'Ana'))).toMatchObject({
      state: 'to_review',
      averageRating: null,
    });
  });
});

describe('withRowReview', () => {
  const item = (id: string) => ({ id }) as CallListItem;
  const page: ConversationPage = {
    rows: [
      { kind: 'ok', conversation: item('a') },
      { kind: 'invalid', index: 1, id: 'b', problem: 'bad' },
      { kind: 'ok', conversation: item('c') },
    ],
    total: 3,
  };
  const summary = summarizeReview(review([entry('Ana', 5, 'reviewed')], 'Ana'));

  it('changes only the call’s row', () => {
    const next = withRowReview(page, 'c', summary);
    expect(next.rows[2]).toEqual({ kind: 'ok', conversation: { id: 'c', review: summary } });
    expect(next.rows[0]).toBe(page.rows[0]);
    expect(page.rows[2]).toEqual({ kind: 'ok', conversation: { id: 'c' } });
  });

  it('leaves a page without the call as it was', () => {
    expect(withRowReview(page, 'zz', summary)).toBe(page);
    expect(withRowReview(page, 'b', summary)).toBe(page);
  });
});
