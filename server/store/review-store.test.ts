import { afterEach, describe, expect, it } from 'vitest';
import { ReviewProblem, type ReviewStore } from './review-types';
import { openTestReviewStore, type TestReviewStore } from './testing/open-test-stores';
import { testBackend } from './testing/test-database';

let opened: TestReviewStore;
let store: ReviewStore;
afterEach(() => opened.close());

async function open() {
  opened = await openTestReviewStore();
  store = opened.reviews;
}

async function problemOf(change: Promise<unknown>): Promise<ReviewProblem> {
  const error: unknown = await change.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ReviewProblem);
  return error as ReviewProblem;
}

describe(`the review store (${testBackend()})`, () => {
  it('versions a review and refuses a change made on a stale version', async () => {
    await open();
    const first = await store.setReview('con.a', 'Ann', { rating: 4 });
    expect(first).toMatchObject({ reviewer: 'Ann', rating: 4, status: 'to_review', version: 1 });
    const second = await store.setReview('con.a', 'Ann', { status: 'reviewed', version: 1 });
    expect(second).toMatchObject({ rating: 4, status: 'reviewed', version: 2 });

    const stale = await problemOf(store.setReview('con.a', 'Ann', { rating: 1, version: 1 }));
    expect(stale.kind).toBe('conflict');
    expect(stale.current).toMatchObject({ rating: 4, version: 2 });
    expect((await problemOf(store.setReview('con.a', 'Bob', { version: 3 }))).kind).toBe(
      'conflict',
    );
    expect((await problemOf(store.setReview('con.a', 'Ann', { status: 'follow_up' }))).kind).toBe(
      'invalid',
    );
    expect(await store.reviews('con.a')).toEqual([second]);
  });

  it('lets only the author change a comment, at its current version', async () => {
    await open();
    const comment = await store.addComment('con.a', 'Ann', 'Quoted the price.', 12.5);
    expect(comment).toMatchObject({ author: 'Ann', atSeconds: 12.5, version: 1 });
    expect(
      (await problemOf(store.editComment('con.a', comment.id, 'Bob', { text: 'x' }))).kind,
    ).toBe('forbidden');
    expect(
      (await problemOf(store.editComment('con.b', comment.id, 'Ann', { text: 'x' }))).kind,
    ).toBe('not_found');
    const edited = await store.editComment('con.a', comment.id, 'Ann', {
      text: 'Quoted the right price.',
      atSeconds: null,
      version: 1,
    });
    expect(edited).toMatchObject({ text: 'Quoted the right price.', atSeconds: null, version: 2 });
    expect((await problemOf(store.deleteComment('con.a', comment.id, 'Ann', 1))).kind).toBe(
      'conflict',
    );
    await store.addComment('con.a', 'Bob', 'Agreed.', null);
    await store.deleteComment('con.a', comment.id, 'Ann', 2);
    expect((await store.comments('con.a')).map((each) => each.author)).toEqual(['Bob']);

    const history = await store.history('con.a', 10);
    expect(history.map((entry) => entry.kind)).toEqual([
      'comment_deleted',
      'comment_added',
      'comment_moved',
      'comment_edited',
      'comment_added',
    ]);
    expect(history[2]).toMatchObject({ actor: 'Ann', target: comment.id, from: 12.5, to: null });
    expect(history[0]!.id).toBeGreaterThan(history[1]!.id);
    expect(await store.history('con.a', 2)).toHaveLength(2);
  });

  it('keeps comments in the order they were added, even within one millisecond', async () => {
    await open();
    const texts = Array.from({ length: 30 }, (_, index) => `Comment ${index + 1}.`);
    for (const text of texts) await store.addComment('con.a', 'Ann', text, null);
    expect((await store.comments('con.a')).map((comment) => comment.text)).toEqual(texts);
    await store.setReview('con.a', 'Ann', { rating: 4 });
    const [verdict] = await store.verdicts('con.a');
    expect(verdict!.comments.map((comment) => comment.text)).toEqual(texts);
  });

  it('keeps checks, summaries and the epoch in step with every change', async () => {
    await open();
    const epochs = [await store.epoch()];
    await store.setReview('con.a', 'Ann', { rating: 4, status: 'reviewed' });
    epochs.push(await store.epoch());
    await store.setReview('con.a', 'Bob', {
      rating: 1,
      status: 'follow_up',
      followUpReason: ' Call back ',
    });
    epochs.push(await store.epoch());
    await store.addComment('con.a', 'Ann', 'Fine.', null);
    epochs.push(await store.epoch());
    const check = await store.setActionItem('con.a', 1, 'Send the quote', 'Ann', true);
    epochs.push(await store.epoch());
    expect(new Set(epochs).size).toBe(epochs.length);
    expect([...epochs].sort((a, b) => a - b)).toEqual(epochs);

    expect(check).toMatchObject({ index: 1, checked: true, by: 'Ann' });
    expect(await store.actionItems('con.a')).toEqual([check]);
    expect((await store.reviews('con.a')).map((review) => review.followUpReason)).toEqual([
      null,
      'Call back',
    ]);
    const summaries = await store.summaries(['con.b', 'con.a'], 'Bob');
    expect([...summaries.keys()]).toEqual(['con.a']);
    expect(summaries.get('con.a')).toEqual({
      state: 'follow_up',
      reviewers: 2,
      averageRating: 2.5,
      comments: 1,
      myRating: 1,
      myStatus: 'follow_up',
    });
    expect((await store.summaries(['con.a'], null)).get('con.a')?.myRating).toBeNull();
    expect(await store.summaries([], 'Bob')).toEqual(new Map());
  });

  it('queues rated verdicts, and a change made during a delivery stays due', async () => {
    await open();
    await store.setReview('con.a', 'Ann', { status: 'reviewed' });
    expect((await store.delivery('con.a')).state).toBe('saved');
    expect(await store.verdicts('con.a')).toEqual([]);
    expect(await store.nextDueAt()).toBeNull();

    await store.setReview('con.a', 'Ann', { rating: 5 });
    await store.addComment('con.a', 'Ann', 'Second.', 30);
    const read = await store.verdicts('con.a');
    expect(read).toEqual([
      {
        reviewer: 'Ann',
        rating: 5,
        status: 'reviewed',
        followUpReason: null,
        comments: [{ text: 'Second.', atSeconds: 30 }],
        generation: 3,
      },
    ]);
    expect((await store.delivery('con.a')).state).toBe('pending');
    expect(await store.nextDueAt()).toEqual(expect.any(Number));

    // A change lands while the verdict read above is being written.
    await store.addComment('con.a', 'Ann', 'Third.', null);
    await store.markSent('con.a', new Map([['Ann', read[0]!.generation]]), Date.now());
    expect((await store.delivery('con.a')).state).toBe('pending');
    const again = await store.verdicts('con.a');
    expect(again[0]!.comments.map((comment) => comment.text)).toEqual(['Second.', 'Third.']);
    await store.markSent('con.a', new Map([['Ann', again[0]!.generation]]), Date.now());
    const sent = await store.delivery('con.a');
    expect(sent).toMatchObject({ state: 'sent', reason: null });
    expect(sent.reviewers[0]!.sentAt).toEqual(expect.any(String));
    expect(await store.nextDueAt()).toBeNull();
  });

  it('retries, fails for good, and queues a failed delivery again on request', async () => {
    await open();
    await store.setReview('con.a', 'Ann', { rating: 2 });
    await store.setReview('con.a', 'Bob', { rating: 3 });
    const now = Date.now() + 1;
    expect(await store.claimDue(now, 10, now + 60_000)).toEqual([{ callId: 'con.a', attempts: 0 }]);
    await store.markRetry('con.a', 'Trata answered 503.', now + 5_000);
    const retrying = await store.delivery('con.a');
    expect(retrying).toMatchObject({ state: 'pending', reason: 'Trata answered 503.' });
    expect(retrying.reviewers.map((row) => [row.reviewer, row.attempts])).toEqual([
      ['Ann', 1],
      ['Bob', 1],
    ]);
    expect(await store.claimDue(now, 10, now + 60_000)).toEqual([]);
    expect(await store.nextDueAt()).toBe(now + 5_000);

    // A change while retrying waits for the retry rather than hammering an outage.
    await store.setReview('con.a', 'Ann', { rating: 1 });
    expect(await store.nextDueAt()).toBe(now + 5_000);

    expect(await store.claimDue(now + 5_000, 10, now + 60_000)).toEqual([
      { callId: 'con.a', attempts: 1 },
    ]);
    await store.markFailed('con.a', 'Trata refused it.');
    expect(await store.delivery('con.a')).toMatchObject({
      state: 'failed',
      reason: 'Trata refused it.',
    });
    expect(await store.nextDueAt()).toBeNull();
    expect(await store.retry('con.a')).toBe(2);
    expect(await store.delivery('con.a')).toMatchObject({
      state: 'pending',
      reason: 'Queued again.',
    });
    expect(await store.retry('con.b')).toBe(0);
  });
});
