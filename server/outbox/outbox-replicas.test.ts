import { afterEach, describe, expect, it } from 'vitest';
import { reviewConversation } from '../index-api/testing/review-fixture';
import { createPgReviewStore } from '../store/postgres/pg-review-store';
import { openTestStores, type TestStores } from '../store/testing/open-test-stores';
import { createOutboxWorker, type OutboxWorker } from './outbox-worker';
import {
  adminCommentsOf,
  startReviewUpstream,
  type ReviewUpstream,
} from './testing/review-upstream';
import { reviewerOfEntry } from './verdict-entry';

const CALLS = 24;
let api: ReviewUpstream | undefined;
let stores: TestStores | undefined;
const workers: OutboxWorker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
  await stores?.close();
  await api?.close();
  api = stores = undefined;
});

describe.skipIf(!process.env.DATABASE_URL)('the outbox on every replica', () => {
  it('delivers each verdict once with three workers on one database', async () => {
    const conversations = Array.from({ length: CALLS }, (_, i) => reviewConversation(`con.r.${i}`));
    api = await startReviewUpstream(conversations);
    stores = await openTestStores();
    await stores.calls.upsert(conversations);
    // Three replicas: each its own pool, its own review store and its own worker.
    const replicas = [
      stores.reviews,
      await createPgReviewStore(stores.pg!.openPool()),
      await createPgReviewStore(stores.pg!.openPool()),
    ];
    for (const [i, conversation] of conversations.entries()) {
      await replicas[i % 3]!.setReview(conversation.id, 'Dana', { rating: (i % 5) + 1 });
    }
    for (const store of replicas) {
      const worker = createOutboxWorker({ store, upstream: api.upstream, concurrency: 2 });
      workers.push(worker);
      worker.start();
    }
    await Promise.all(workers.map((worker) => worker.drained()));

    // One write per call: no call was claimed by two workers.
    expect(api.puts).toHaveLength(CALLS);
    expect(api.puts.every((status) => status === 200)).toBe(true);
    for (const conversation of conversations) {
      const entries = adminCommentsOf(api.fixture, conversation.id);
      expect(entries.filter((entry) => reviewerOfEntry(entry) === 'Dana')).toHaveLength(1);
      expect((await replicas[0]!.delivery(conversation.id)).state).toBe('sent');
    }
  });
});
