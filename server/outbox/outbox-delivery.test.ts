import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminComment } from '../../contract';
import {
  as,
  createReviewFixture,
  reviewConversation,
  type ReviewFixture,
} from '../index-api/testing/review-fixture';
import {
  adminCommentsOf,
  startReviewUpstream,
  type ReviewUpstream,
} from './testing/review-upstream';
import { reviewerOfEntry, VERDICT_PREFIX } from './verdict-entry';

const ID = 'con.review.1';
const FRONT_DESK = { comment: 'Checked by the front desk', rating: 4 };
const REVIEWERS = ['Dana', 'Lee', 'Sam', 'Ana', 'Kim'];
let api: ReviewUpstream | undefined;
let app: ReviewFixture | undefined;
afterEach(async () => {
  await app?.close();
  await api?.close();
  app = api = undefined;
});

async function start(options: Parameters<typeof startReviewUpstream>[1] = {}) {
  api = await startReviewUpstream([reviewConversation(ID)], options);
  app = await createReviewFixture([reviewConversation(ID)], {
    upstream: api.upstream,
    outbox: { baseMs: 20, maxMs: 100 },
    startOutbox: true,
  });
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

const write = (base: string, method: string, path: string, who: string, body: unknown) =>
  fetch(`${base}/api/calls/${ID}${path}`, {
    method,
    headers: { ...as(who), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const entriesBy = (entries: unknown[]) => {
  const by = new Map<string, AdminComment[]>();
  for (const entry of entries) {
    const reviewer = reviewerOfEntry(entry);
    if (reviewer !== null) by.set(reviewer, [...(by.get(reviewer) ?? []), entry as AdminComment]);
  }
  return by;
};

describe('the outbox', () => {
  it('keeps 20 concurrent comments by 5 reviewers and writes one entry per reviewer to Trata', async () => {
    const base = await start();
    const answers = await Promise.all([
      ...REVIEWERS.map((who, i) => write(base, 'PUT', '/review', who, { rating: (i % 5) + 1 })),
      ...Array.from({ length: 20 }, (_, i) =>
        write(base, 'POST', '/comments', REVIEWERS[i % 5]!, { text: `note ${i}`, at_seconds: i }),
      ),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([
      ...Array<number>(5).fill(200),
      ...Array<number>(20).fill(201),
    ]);
    expect(await app!.reviews.comments(ID)).toHaveLength(20);

    await app!.outbox.drained();
    const entries = adminCommentsOf(api!.fixture, ID);
    expect(entries).toContainEqual(FRONT_DESK);
    expect(entries).toHaveLength(6);
    const by = entriesBy(entries);
    for (const [i, who] of REVIEWERS.entries()) {
      const [entry] = by.get(who)!;
      expect(by.get(who)).toHaveLength(1);
      expect(entry!.rating).toBe((i % 5) + 1);
      const notes = entry!.comment.split('\n').slice(2);
      expect(notes).toHaveLength(4);
      expect(notes.every((line) => /^0:\d\d note \d+$/.test(line))).toBe(true);
    }
    expect((await app!.reviews.delivery(ID)).state).toBe('sent');
  });

  it('delivers once Trata is healthy after a 500, a 412 and a timeout', async () => {
    const faults = ['500', '412', 'hang'];
    const warnings: string[] = [];
    api = await startReviewUpstream([reviewConversation(ID)], {
      timeoutMs: 500,
      setup: (server) =>
        server.addHook('preHandler', async (request, reply) => {
          if (request.method !== 'PUT') return;
          const fault = faults.shift();
          if (fault === '500') return reply.code(500).send({ detail: 'Internal Server Error' });
          if (fault === '412') return reply.code(412).send({ detail: 'changed' });
          // Answers nothing until the client gives up and closes the connection.
          if (fault === 'hang') {
            await new Promise((resolve) => request.socket.once('close', resolve));
            return reply.code(503).send({ detail: 'too late' });
          }
        }),
    });
    app = await createReviewFixture([reviewConversation(ID)], {
      upstream: api.upstream,
      outbox: { baseMs: 20, maxMs: 100, log: { warn: (message) => warnings.push(message) } },
      startOutbox: true,
    });
    await app.reviews.setReview(ID, 'Dana', {
      rating: 2,
      status: 'follow_up',
      followUpReason: 'Refund',
    });
    app.outbox.kick();
    await app.outbox.drained();

    expect(faults).toEqual([]);
    expect(api.puts.filter((status) => status !== 'hung' && status !== 503)).toEqual([
      500, 412, 200,
    ]);
    expect(warnings.some((line) => line.includes('Trata answered 500.'))).toBe(true);
    expect(warnings.some((line) => line.includes('did not answer within 0.5 s'))).toBe(true);
    const entries = adminCommentsOf(api.fixture, ID);
    expect(entries).toEqual([
      FRONT_DESK,
      { comment: `${VERDICT_PREFIX}Dana\nNeeds follow-up: Refund. Rating 2/5.`, rating: 2 },
    ]);
    expect(await app.reviews.delivery(ID)).toMatchObject({ state: 'sent', reason: null });
  });

  it('keeps an entry another client wrote between its read and its write (412, then merge)', async () => {
    let sneaked = false;
    api = await startReviewUpstream([reviewConversation(ID)], {
      setup: (server, fixture) =>
        server.addHook('preHandler', async (request) => {
          if (request.method !== 'PUT' || sneaked) return;
          sneaked = true;
          const current = fixture.store.get(ID)!.adminComments ?? [];
          fixture.store.update(ID, {
            adminComments: [...current, { comment: 'From Trata', rating: 5 }],
          });
        }),
    });
    app = await createReviewFixture([reviewConversation(ID)], {
      upstream: api.upstream,
      outbox: { baseMs: 20 },
      startOutbox: true,
    });
    await app.reviews.setReview(ID, 'Dana', { rating: 3 });
    await app.outbox.drained();
    expect(api.puts).toEqual([412, 200]);
    const entries = adminCommentsOf(api.fixture, ID);
    expect(entries).toEqual([
      FRONT_DESK,
      { comment: 'From Trata', rating: 5 },
      expect.objectContaining({ rating: 3 }),
    ]);
  });

  it('without ETags, reads again after writing and writes again when its entry was erased', async () => {
    let erased = false;
    api = await startReviewUpstream([reviewConversation(ID)], {
      setup: (server, fixture) => {
        server.addHook('onSend', async (_request, reply, payload) => {
          reply.removeHeader('etag');
          return payload;
        });
        server.addHook('onResponse', async (request) => {
          if (request.method !== 'PUT' || erased) return;
          erased = true;
          // Another client, which read before our write, writes its own array over ours.
          fixture.store.update(ID, {
            adminComments: [FRONT_DESK, { comment: 'Blind write', rating: 1 }],
          });
        });
      },
    });
    app = await createReviewFixture([reviewConversation(ID)], {
      upstream: api.upstream,
      outbox: { baseMs: 20 },
      startOutbox: true,
    });
    await app.reviews.setReview(ID, 'Dana', { rating: 5 });
    await app.outbox.drained();
    expect(api.puts).toEqual([200, 200]);
    expect(adminCommentsOf(api.fixture, ID)).toEqual([
      FRONT_DESK,
      { comment: 'Blind write', rating: 1 },
      expect.objectContaining({ rating: 5 }),
    ]);
  });

  it('marks a refused verdict failed, with why, and delivers it after a retry', async () => {
    let refuse = true;
    const base = await start({
      setup: (server) =>
        server.addHook('preHandler', async (request, reply) => {
          if (request.method === 'PUT' && refuse) {
            return reply.code(422).send({ detail: 'Comment too long for this account' });
          }
        }),
    });
    await write(base, 'PUT', '/review', 'Dana', { rating: 4 });
    await app!.outbox.drained();
    expect(await app!.reviews.delivery(ID)).toMatchObject({
      state: 'failed',
      reason: 'Trata refused the verdict (422): Comment too long for this account.',
    });
    refuse = false;
    const retried = await fetch(`${base}/api/calls/${ID}/review/delivery/retry`, {
      method: 'POST',
    });
    expect(retried.status).toBe(202);
    await app!.outbox.drained();
    expect((await app!.reviews.delivery(ID)).state).toBe('sent');
    expect(entriesBy(adminCommentsOf(api!.fixture, ID)).get('Dana')).toHaveLength(1);
  });

  it('saves an unrated review locally and says a verdict needs a rating', async () => {
    const base = await start();
    await write(base, 'POST', '/comments', 'Dana', { text: 'Listen again' });
    await app!.outbox.drained();
    expect(api!.puts).toEqual([]);
    expect(await app!.reviews.delivery(ID)).toMatchObject({
      state: 'saved',
      reason: expect.stringMatching(/once it has a rating/),
    });
  });

  it('gives back the calls it claimed but did not deliver when it stops', async () => {
    const OTHER = 'con.review.2';
    let reached: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (reached = resolve));
    let letGo: () => void = () => undefined;
    const gone = new Promise<void>((resolve) => (letGo = resolve));
    api = await startReviewUpstream([reviewConversation(ID), reviewConversation(OTHER)], {
      setup: (server) =>
        server.addHook('preHandler', async (request, reply) => {
          if (request.method !== 'PUT') return;
          reached();
          await gone;
          return reply.code(503).send({ detail: 'gone' });
        }),
    });
    app = await createReviewFixture([reviewConversation(ID), reviewConversation(OTHER)], {
      upstream: api.upstream,
      outbox: { concurrency: 1 },
    });
    await app.reviews.setReview(ID, 'Dana', { rating: 4 });
    await app.reviews.setReview(OTHER, 'Dana', { rating: 3 });
    app.outbox.start();
    // The worker claimed both calls and is writing the first when it is stopped.
    await held;
    await app.outbox.stop();
    letGo();
    const now = Date.now();
    const due = await app.reviews.claimDue(now, 10, now + 60_000);
    expect(due.map((job) => job.callId).sort()).toEqual([ID, OTHER]);
    expect((await app.reviews.delivery(OTHER)).state).toBe('pending');
  });
});
