import { describe, expect, it } from 'vitest';
import type { CallReview, ReviewComment } from '@contract';
import {
  orderComments,
  withActionItem,
  withNewComment,
  withReviewChange,
  withSavedComment,
} from './optimistic';

const NOW = '2026-12-02T11:00:00.000Z';
const base: CallReview = {
  reviews: [
    {
      reviewer: 'Lee',
      rating: 2,
      status: 'reviewed',
      followUpReason: null,
      version: 3,
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    },
  ],
  comments: [],
  history: [],
  actionItems: [],
  delivery: { state: 'none', reason: null, reviewers: [] },
  me: 'Dana',
};

const comment = (id: string, atSeconds: number | null, createdAt = NOW): ReviewComment => ({
  id,
  author: 'Dana',
  text: id,
  atSeconds,
  version: 1,
  createdAt,
  updatedAt: createdAt,
});

describe('optimistic review changes', () => {
  it('add my first review and leave a colleague’s alone', () => {
    const next = withReviewChange(base, 'Dana', { rating: 4 }, NOW);
    expect(next.reviews).toHaveLength(2);
    expect(next.reviews[0]).toBe(base.reviews[0]);
    expect(next.reviews[1]).toMatchObject({ reviewer: 'Dana', rating: 4, status: 'to_review' });
  });

  it('keep my rating when only the status changes, and drop the reason off follow-up', () => {
    const flagged = withReviewChange(
      base,
      'Lee',
      { status: 'follow_up', followUpReason: 'Check the quote' },
      NOW,
    );
    expect(flagged.reviews[0]).toMatchObject({ rating: 2, followUpReason: 'Check the quote' });
    const reviewed = withReviewChange(flagged, 'Lee', { status: 'reviewed' }, NOW);
    expect(reviewed.reviews[0]).toMatchObject({ status: 'reviewed', followUpReason: null });
  });

  it('put the saved comment where its pending copy was, once', () => {
    const pending = withNewComment(base, 'Dana', { text: '  hi  ', atSeconds: 5 }, '7', NOW);
    expect(pending.comments[0]).toMatchObject({ id: 'pending:7', text: 'hi', author: 'Dana' });
    const saved = comment('c1', 5);
    const once = withSavedComment(pending, '7', saved);
    expect(once.comments).toEqual([saved]);
    // A poll may already have brought the saved comment in.
    expect(
      withSavedComment({ ...pending, comments: [...pending.comments, saved] }, '7', saved).comments,
    ).toEqual([saved]);
  });

  it('replace an action item’s check, keeping them in order', () => {
    const one = withActionItem(base, 'Dana', { index: 2, text: 'b', checked: true }, NOW);
    const two = withActionItem(one, 'Lee', { index: 0, text: 'a', checked: true }, NOW);
    const three = withActionItem(two, 'Lee', { index: 2, text: 'b', checked: false }, NOW);
    expect(three.actionItems.map((item) => [item.index, item.checked, item.by])).toEqual([
      [0, true, 'Lee'],
      [2, false, 'Lee'],
    ]);
  });

  it('order comments by moment, whole-call ones after, by age', () => {
    const ordered = orderComments([
      comment('whole-late', null, '2026-12-02T12:00:00.000Z'),
      comment('at-30', 30),
      comment('whole-early', null, '2026-12-02T09:00:00.000Z'),
      comment('at-5', 5),
    ]);
    expect(ordered.map((entry) => entry.id)).toEqual([
      'at-5',
      'at-30',
      'whole-early',
      'whole-late',
    ]);
  });
});
