import { afterEach, describe, expect, it, vi } from 'vitest';
import { reviewConversation } from '../index-api/testing/review-fixture';
import { createPgReviewStore } from '../store/postgres/pg-review-store';
import type { ReviewStore } from '../store/review-types';
import { openTestStores, type TestStores } from '../store/testing/open-test-stores';
import { createOutboxWorker, type OutboxWorker } from './outbox-worker';
import { startReviewUpstream, type ReviewUpstream } from './testing/review-upstream';

let api: ReviewUpstream | undefined;
let stores: TestStores | undefined;
const workers: OutboxWorker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
  await stores?.close();
  await api?.close();
  api = stores = undefined;
});

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function startWorker(store: ReviewStore, claimMs?: number): OutboxWorker {
  const worker = createOutboxWorker({
    store,
    upstream: api!.upstream,
    baseMs: 20,
    maxMs: 100,
    ...(claimMs === undefined ? {} : { claimMs }),
  });
  workers.push(worker);
  worker.start();
  return worker;
}

describe.skipIf(!process.env.DATABASE_URL)('outbox claims on PostgreSQL', () => {
  it('writes a mark the database missed once it answers again, and never sends twice', async () => {
    const conversation = reviewConversation('con.lease.1');
    api = await startReviewUpstream([conversation]);
    stores = await openTestStores();
    await stores.calls.upsert([conversation]);
    const replica = await createPgReviewStore(stores.pg!.openPool());
    await stores.reviews.setReview(conversation.id, 'Dana', { rating: 5 });

    // The database stops answering right after the delivery: the worker cannot mark it sent.
    let missed = 0;
    const flaky: ReviewStore = {
      ...stores.reviews,
      async markSent(...args) {
        if (missed++ === 0) throw refused();
        return stores!.reviews.markSent(...args);
      },
    };
    startWorker(flaky);
    startWorker(replica);
    await vi.waitFor(
      async () => expect((await replica.delivery(conversation.id)).state).toBe('sent'),
      { timeout: 10_000, interval: 50 },
    );
    expect(missed).toBe(2);
    expect(api.puts).toEqual([200]);
    // The mark ended the claim: nothing is left pending for any replica.
    expect(await replica.nextDueAt()).toBeNull();
  });

  it("renews a slow delivery's claim, and a crashed worker's claim runs out within its lease", async () => {
    const conversation = reviewConversation('con.lease.2');
    let slow = true;
    // The slow write is answered once the other replica has looked for due calls three claim
    // periods after it began: its claim had to be renewed twice by then.
    let putAt = Infinity;
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let slowDone = () => undefined as void;
    const slowAnswered = new Promise<void>((resolve) => (slowDone = resolve));
    const slowRequests = new WeakSet<object>();
    api = await startReviewUpstream([conversation], {
      setup: (app) => {
        app.addHook('onRequest', async (request) => {
          // The first write takes several claim periods.
          if (request.method === 'PUT' && slow) {
            slow = false;
            slowRequests.add(request);
            putAt = Date.now();
            await released;
          }
        });
        app.addHook('onResponse', async (request) => {
          if (slowRequests.has(request)) slowDone();
        });
      },
    });
    stores = await openTestStores();
    await stores.calls.upsert([conversation]);
    const other = await createPgReviewStore(stores.pg!.openPool());
    const replica: ReviewStore = {
      ...other,
      async claimDue(now, limit, claimUntil) {
        const claimed = await other.claimDue(now, limit, claimUntil);
        if (now > putAt + 3 * 300) release();
        return claimed;
      },
    };
    await stores.reviews.setReview(conversation.id, 'Dana', { rating: 3 });
    startWorker(stores.reviews, 300);
    await vi.waitFor(() => expect(slow).toBe(false), { timeout: 5_000, interval: 10 });
    // The other replica looks while the write is under way, past the first claim's end.
    startWorker(replica, 300);
    await vi.waitFor(
      async () => expect((await replica.delivery(conversation.id)).state).toBe('sent'),
      { timeout: 10_000, interval: 50 },
    );
    await slowAnswered;
    expect(api.puts).toEqual([200]);
    for (const worker of workers.splice(0)) await worker.stop();

    // A claim no worker renews (its replica died) is due again once its lease is over.
    await replica.setReview(conversation.id, 'Dana', { rating: 4 });
    const now = Date.now() + 1;
    expect(await stores.reviews.claimDue(now, 10, now + 300)).toHaveLength(1);
    expect(await replica.claimDue(now + 100, 10, now + 400)).toEqual([]);
    expect(await replica.renew([conversation.id], now + 100, now + 500)).toEqual([]);
    expect(await replica.claimDue(now + 300, 10, now + 600)).toHaveLength(1);
    // The first claimer finds its claim gone to the other: it can no longer renew it.
    expect(await stores.reviews.renew([conversation.id], now + 300, now + 900)).toEqual([]);
    expect(await replica.renew([conversation.id], now + 600, now + 900)).toEqual([conversation.id]);
  });
});
