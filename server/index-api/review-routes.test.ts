import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  callReviewSchema,
  REVIEWER_HEADER,
  reviewCommentSchema,
  type CallReview,
  type ReviewComment,
} from '../../contract';
import {
  as,
  createReviewFixture,
  reviewConversation,
  type ReviewFixture,
} from './testing/review-fixture';

const ID = 'con.review.1';
let fixture: ReviewFixture;
beforeEach(async () => {
  fixture = await createReviewFixture([reviewConversation(ID), reviewConversation('con.review.2')]);
});
afterEach(() => fixture.close());

const send = (
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  who: string | null,
  body?: unknown,
) =>
  fixture.app.inject({
    method,
    url,
    headers: {
      ...(who ? as(who) : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
const read = async (who: string | null = null): Promise<CallReview> => {
  const response = await fixture.app.inject({
    method: 'GET',
    url: `/api/calls/${ID}/review`,
    headers: who ? as(who) : {},
  });
  expect(response.statusCode).toBe(200);
  return callReviewSchema.parse(response.json());
};
const comment = async (who: string, text: string, at?: number) => {
  const response = await send('POST', `/api/calls/${ID}/comments`, who, { text, at_seconds: at });
  expect(response.statusCode).toBe(201);
  return reviewCommentSchema.parse(response.json());
};

describe('the review of a call', () => {
  it('keeps each reviewer’s rating, status and comments, with the history of every change', async () => {
    expect((await send('PUT', `/api/calls/${ID}/review`, 'Dana', { rating: 4 })).statusCode).toBe(
      200,
    );
    await send('PUT', `/api/calls/${ID}/review`, 'Dana', { status: 'reviewed' });
    await send('PUT', `/api/calls/${ID}/review`, 'Lee Ó', {
      rating: 2,
      status: 'follow_up',
      follow_up_reason: 'Refund promised',
    });
    const first = await comment('Dana', '  The agent misquoted the price.  ', 83.5);
    expect(first).toMatchObject({
      author: 'Dana',
      text: 'The agent misquoted the price.',
      atSeconds: 83.5,
      version: 1,
    });
    await comment('Lee Ó', '<img src=x onerror=alert(1)>');

    const review = await read('Dana');
    expect(review.me).toBe('Dana');
    expect(review.reviews.map((r) => [r.reviewer, r.rating, r.status, r.followUpReason])).toEqual([
      ['Dana', 4, 'reviewed', null],
      ['Lee Ó', 2, 'follow_up', 'Refund promised'],
    ]);
    expect(review.comments.map((c) => c.text)).toEqual([
      'The agent misquoted the price.',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(review.history.map((h) => [h.actor, h.kind, h.from, h.to]).reverse()).toEqual([
      ['Dana', 'rating', null, 4],
      ['Dana', 'status', 'to_review', 'reviewed'],
      ['Lee Ó', 'rating', null, 2],
      ['Lee Ó', 'status', 'to_review', 'follow_up'],
      ['Lee Ó', 'follow_up_reason', null, 'Refund promised'],
      ['Dana', 'comment_added', null, 'The agent misquoted the price.'],
      ['Lee Ó', 'comment_added', null, '<img src=x onerror=alert(1)>'],
    ]);
    expect(review.delivery.state).toBe('pending');
  });

  it('lets authors edit and delete their own comments only, and records both', async () => {
    const mine = await comment('Dana', 'First take', 10);
    const edited = await send('PATCH', `/api/calls/${ID}/comments/${mine.id}`, 'Dana', {
      text: 'Second take',
      at_seconds: 12,
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ text: 'Second take', atSeconds: 12, version: 2 });

    const foreign = await send('PATCH', `/api/calls/${ID}/comments/${mine.id}`, 'Lee', {
      text: 'mine now',
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toEqual({
      detail: "You can change only your own comments; this one is Dana's.",
    });
    expect((await send('DELETE', `/api/calls/${ID}/comments/${mine.id}`, 'Lee')).statusCode).toBe(
      403,
    );

    const removed = await send('DELETE', `/api/calls/${ID}/comments/${mine.id}?version=2`, 'Dana');
    expect(removed.statusCode).toBe(204);
    const review = await read();
    expect(review.comments).toEqual([]);
    expect(review.history.slice(0, 3).map((h) => [h.kind, h.from, h.to])).toEqual([
      ['comment_deleted', 'Second take', null],
      ['comment_moved', 10, 12],
      ['comment_edited', 'First take', 'Second take'],
    ]);
    expect((await send('DELETE', `/api/calls/${ID}/comments/${mine.id}`, 'Dana')).statusCode).toBe(
      404,
    );
  });

  it('answers 409 with the current version to a write based on a stale one', async () => {
    const mine = await comment('Dana', 'First take');
    await send('PATCH', `/api/calls/${ID}/comments/${mine.id}`, 'Dana', {
      text: 'From tab A',
      version: 1,
    });
    const stale = await send('PATCH', `/api/calls/${ID}/comments/${mine.id}`, 'Dana', {
      text: 'From tab B',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const body = stale.json() as { detail: string; current: ReviewComment };
    expect(body.detail).toMatch(
      /changed since you loaded it \(you had version 1, it is now version 2/,
    );
    expect(body.current.text).toBe('From tab A');

    await send('PUT', `/api/calls/${ID}/review`, 'Dana', { rating: 3 });
    await send('PUT', `/api/calls/${ID}/review`, 'Dana', { rating: 4, version: 1 });
    const staleReview = await send('PUT', `/api/calls/${ID}/review`, 'Dana', {
      rating: 5,
      version: 1,
    });
    expect(staleReview.statusCode).toBe(409);
    expect((await read()).reviews[0]?.rating).toBe(4);
  });

  it('refuses bad input with 422s in the contract’s shape and saves nothing', async () => {
    const cases: [string, unknown, string | null, unknown][] = [
      ['/review', { rating: 6 }, 'Dana', ['body', 'rating']],
      ['/review', { rating: 2.5 }, 'Dana', ['body', 'rating']],
      ['/review', { status: 'done' }, 'Dana', ['body', 'status']],
      ['/review', { status: 'follow_up' }, 'Dana', ['body', 'follow_up_reason']],
      ['/review', {}, 'Dana', ['body']],
      ['/review', { rating: 3, who: 'x' }, 'Dana', ['body', 'who']],
      ['/review', { rating: 3 }, null, ['header', REVIEWER_HEADER]],
      ['/comments', { text: '   ' }, 'Dana', ['body', 'text']],
      ['/comments', { text: 'x'.repeat(5_001) }, 'Dana', ['body', 'text']],
      ['/comments', { text: 'ok', at_seconds: 121 }, 'Dana', ['body', 'at_seconds']],
      ['/comments', { text: 'ok', at_seconds: -1 }, 'Dana', ['body', 'at_seconds']],
      ['/comments', { text: 'ok' }, null, ['header', REVIEWER_HEADER]],
    ];
    for (const [path, body, who, loc] of cases) {
      const response = await send(
        path === '/review' ? 'PUT' : 'POST',
        `/api/calls/${ID}${path}`,
        who,
        body,
      );
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json()).toEqual({
        detail: expect.arrayContaining([expect.objectContaining({ loc })]),
      });
    }
    const bad = await fixture.app.inject({
      method: 'POST',
      url: `/api/calls/${ID}/comments`,
      headers: { [REVIEWER_HEADER]: 'Dana%0Aadmin', 'content-type': 'application/json' },
      payload: '{"text":"hi"}',
    });
    expect(bad.statusCode).toBe(422);
    expect(
      (await send('POST', `/api/calls/${ID}/comments`, 'Dana', { text: 'x'.repeat(5_000) }))
        .statusCode,
    ).toBe(201);
    const review = await read();
    expect(review.reviews).toEqual([]);
    expect(review.comments).toHaveLength(1);
  });

  it('answers 404 for a call the index does not have', async () => {
    expect(
      (await send('PUT', '/api/calls/con.nope/review', 'Dana', { rating: 3 })).statusCode,
    ).toBe(404);
    expect(
      (await fixture.app.inject({ method: 'GET', url: '/api/calls/con.nope/review' })).statusCode,
    ).toBe(404);
  });

  it('stores action-item checks with who and when', async () => {
    const checked = await send('PUT', `/api/calls/${ID}/action-items/1`, 'Dana', { checked: true });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({
      index: 1,
      text: 'Send the quote',
      checked: true,
      by: 'Dana',
    });
    expect(
      (await send('PUT', `/api/calls/${ID}/action-items/2`, 'Dana', { checked: true })).statusCode,
    ).toBe(422);
    expect(
      (await send('PUT', `/api/calls/${ID}/action-items/-1`, 'Dana', { checked: true })).statusCode,
    ).toBe(422);
    const review = await read();
    expect(review.actionItems).toEqual([
      expect.objectContaining({ index: 1, checked: true, by: 'Dana' }),
    ]);
    expect(review.history[0]).toMatchObject({
      kind: 'action_item',
      target: '1',
      from: false,
      to: true,
    });
  });
});

describe('the reviewer with sign-in', () => {
  it('is the signed-in user, whatever name the header claims', async () => {
    await fixture.close();
    fixture = await createReviewFixture([reviewConversation(ID)], { user: 'dana' });
    await send('PUT', `/api/calls/${ID}/review`, 'Somebody Else', { rating: 5 });
    expect((await read('Somebody Else')).reviews.map((r) => r.reviewer)).toEqual(['dana']);
  });
});
