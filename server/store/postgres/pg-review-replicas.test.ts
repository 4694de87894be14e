import { afterEach, describe, expect, it } from 'vitest';
import { ReviewProblem, type ReviewStore } from '../review-types';
import { openTestReviewStore, type TestReviewStore } from '../testing/open-test-stores';
import { testBackend } from '../testing/test-database';

let opened: TestReviewStore;
afterEach(() => opened.close());

/** Two replicas of the server: review stores on two pools of one schema. */
async function twoReplicas(): Promise<[ReviewStore, ReviewStore]> {
  opened = await openTestReviewStore();
  return [opened.reviews, await opened.openReplica()];
}

const outcomeOf = (change: Promise<unknown>) =>
  change.then(
    () => 'saved',
    (error: unknown) => (error instanceof ReviewProblem ? error.kind : 'error'),
  );

describe.skipIf(testBackend() !== 'postgres')('reviews shared by two replicas', () => {
  it('never gives one call to two workers claiming at once', async () => {
    const [one, two] = await twoReplicas();
    const ids = Array.from({ length: 30 }, (_, i) => `con.claim.${i}`);
    for (const [i, id] of ids.entries()) {
      await one.setReview(id, 'Ann', { rating: 4 });
      // Two reviewers' rows of one call must still go to a single worker.
      if (i % 2 === 0) await two.setReview(id, 'Bob', { rating: 2 });
    }
    const now = Date.now() + 1;
    const claims = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 === 0 ? one : two).claimDue(now, 2, now + 60_000),
      ),
    );
    const claimed = claims.flat().map((due) => due.callId);
    expect(claimed.length).toBe(new Set(claimed).size);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(await one.claimDue(now, 10, now + 60_000)).toEqual([]);
    expect(await two.claimDue(now, 10, now + 60_000)).toEqual([]);
  });

  it("hands a dead worker's calls on once its claim runs out, and a sent one never", async () => {
    const [one, two] = await twoReplicas();
    await one.setReview('con.a', 'Ann', { rating: 4 });
    await one.setReview('con.b', 'Ann', { rating: 3 });
    const now = Date.now() + 1;
    const taken = await one.claimDue(now, 10, now + 1_000);
    expect(taken.map((due) => due.callId).sort()).toEqual(['con.a', 'con.b']);
    expect(await two.claimDue(now + 500, 10, now + 60_000)).toEqual([]);
    // The other replica waits for the claim instead of looking again and again meanwhile.
    expect(await two.nextDueAt()).toBe(now + 1_000);

    const [verdict] = await one.verdicts('con.a');
    await one.markSent('con.a', new Map([['Ann', verdict!.generation]]), now + 100);
    // `one` died holding con.b: it is due again for `two` when the claim ends, con.a is not.
    expect(await two.claimDue(now + 1_000, 10, now + 60_000)).toEqual([
      { callId: 'con.b', attempts: 0 },
    ]);
    expect((await two.delivery('con.a')).state).toBe('sent');
  });

  it("shows a change made through one replica in the other's next list summaries", async () => {
    const [one, two] = await twoReplicas();
    const callId = 'con.cached.1';
    // The second replica keeps these summaries for as long as the review epoch stays.
    for (let i = 0; i < 2; i++) {
      expect((await two.summaries([callId], null)).get(callId)?.comments ?? 0).toBe(0);
      expect((await two.summaries([callId], 'R1')).get(callId)?.myRating ?? null).toBeNull();
    }
    await one.addComment(callId, 'R1', 'Seen through the other replica.', null);
    expect((await two.summaries([callId], null)).get(callId)?.comments).toBe(1);
    await one.setReview(callId, 'R1', { rating: 4 });
    expect((await two.summaries([callId], 'R1')).get(callId)?.myRating).toBe(4);
  });

  it('stores each of 50 concurrent comments once, with the counts and outbox in step', async () => {
    const [one, two] = await twoReplicas();
    const epochBefore = await one.epoch();
    const writes = Array.from({ length: 50 }, (_, i) => ({
      store: i % 2 === 0 ? one : two,
      callId: `con.busy.${i % 3}`,
      author: `R${i % 5}`,
      text: `comment ${i}`,
    }));
    const added = await Promise.all(
      writes.map((write) => write.store.addComment(write.callId, write.author, write.text, null)),
    );
    expect(new Set(added.map((comment) => comment.id)).size).toBe(50);

    for (let call = 0; call < 3; call++) {
      const callId = `con.busy.${call}`;
      const mine = writes.filter((write) => write.callId === callId);
      const stored = await two.comments(callId);
      expect(stored.map((comment) => comment.text).sort()).toEqual(
        mine.map((write) => write.text).sort(),
      );
      expect(stored.every((comment) => comment.version === 1)).toBe(true);
      expect((await one.summaries([callId], null)).get(callId)?.comments).toBe(mine.length);
      const history = await one.history(callId, 100);
      expect(history.filter((entry) => entry.kind === 'comment_added')).toHaveLength(mine.length);
      // Each reviewer's outbox generation counts that reviewer's changes of the call.
      const { rows } = await opened.pg!.pool.query<{ reviewer: string; generation: number }>(
        'SELECT reviewer, generation FROM review_outbox WHERE call_id = $1',
        [callId],
      );
      for (const row of rows) {
        expect(row.generation).toBe(mine.filter((write) => write.author === row.reviewer).length);
      }
    }
    // The epoch grew with every change, whichever replica made it.
    expect(await one.epoch()).toBe(epochBefore + 50);
    expect(await two.epoch()).toBe(epochBefore + 50);
  });

  it('lets exactly one of many concurrent changes at one version win', async () => {
    const [one, two] = await twoReplicas();
    await one.setReview('con.v', 'Ann', { rating: 3 });
    const comment = await one.addComment('con.v', 'Ann', 'First take.', null);

    const reviews = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcomeOf(
          (i % 2 === 0 ? one : two).setReview('con.v', 'Ann', { rating: 1 + (i % 5), version: 1 }),
        ),
      ),
    );
    expect(reviews.filter((outcome) => outcome === 'saved')).toHaveLength(1);
    expect(reviews.filter((outcome) => outcome === 'conflict')).toHaveLength(9);
    expect((await two.reviews('con.v'))[0]?.version).toBe(2);

    const edits = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcomeOf(
          (i % 2 === 0 ? one : two).editComment('con.v', comment.id, 'Ann', {
            text: `Take ${i}.`,
            version: 1,
          }),
        ),
      ),
    );
    expect(edits.filter((outcome) => outcome === 'saved')).toHaveLength(1);
    expect((await one.comments('con.v'))[0]?.version).toBe(2);

    // Without a version, every change applies, one after the other.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? one : two).setReview('con.v', 'Ann', {
          status: i % 2 === 0 ? 'reviewed' : 'to_review',
        }),
      ),
    );
    expect((await one.reviews('con.v'))[0]?.version).toBe(22);
  });

  it("leaves the shared pool open when a store closes: it is the owner's to end", async () => {
    opened = await openTestReviewStore();
    await opened.reviews.close();
    const { rows } = await opened.pg!.pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0]?.one).toBe(1);
  });
});
