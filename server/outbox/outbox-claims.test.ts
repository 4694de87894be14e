import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewStore } from '../store/review-types';
import { openTestReviewStore, type TestReviewStore } from '../store/testing/open-test-stores';

let opened: TestReviewStore;
let store: ReviewStore;
afterEach(() => opened.close());

describe('claiming due deliveries', () => {
  it('gives each due call to one worker until it is marked or its claim runs out', async () => {
    opened = await openTestReviewStore();
    store = opened.reviews;
    await store.setReview('con.a', 'Ann', { rating: 4 });
    await store.setReview('con.b', 'Bob', { rating: 2 });
    const now = Date.now() + 1;

    const one = await store.claimDue(now, 1, now + 60_000);
    const other = await store.claimDue(now, 10, now + 60_000);
    expect(one).toHaveLength(1);
    expect(other).toHaveLength(1);
    expect(other[0]!.callId).not.toBe(one[0]!.callId);
    expect(await store.claimDue(now, 10, now + 60_000)).toEqual([]);

    // A marked call is free again when it is next due; an unmarked claim runs out.
    await store.markRetry(one[0]!.callId, 'Trata answered 503.', now + 1_000);
    expect((await store.claimDue(now + 1_000, 10, now + 2_000)).map((due) => due.callId)).toEqual([
      one[0]!.callId,
    ]);
    expect(
      (await store.claimDue(now + 60_000, 10, now + 120_000)).map((due) => due.callId).sort(),
    ).toEqual(['con.a', 'con.b']);
  });
});
