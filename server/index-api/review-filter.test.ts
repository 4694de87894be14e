import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callListSchema, REVIEWER_HEADER } from '../../contract';
import {
  as,
  createReviewFixture,
  reviewConversation,
  type ReviewFixture,
} from './testing/review-fixture';

let fixture: ReviewFixture;
beforeEach(async () => {
  fixture = await createReviewFixture([
    reviewConversation('con.a'),
    reviewConversation('con.b'),
    reviewConversation('con.c'),
    reviewConversation('con.d', {
      conversationAnalytics: { sentiment_of_caller: 'positive', action_items: [] },
    }),
  ]);
  await fixture.reviews.setReview('con.a', 'Dana', { rating: 5, status: 'reviewed' });
  await fixture.reviews.setReview('con.b', 'Lee', {
    status: 'follow_up',
    followUpReason: 'Refund',
  });
  await fixture.reviews.setReview('con.b', 'Dana', { status: 'reviewed' });
  await fixture.reviews.setReview('con.c', 'Dana', { rating: 2 });
});
afterEach(() => fixture.close());

async function ids(query: string, who?: string) {
  const response = await fixture.app.inject({
    method: 'GET',
    url: `/api/calls?sort_by=timestampStart&${query}`,
    headers: who ? as(who) : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  const list = callListSchema.parse(response.json());
  expect(list.total).toBe(list.items.length);
  return list.items.map((item) => item.id).sort();
}

describe('the review filter of /api/calls', () => {
  it('finds calls by review state, follow-up first, and combines with other filters', async () => {
    expect(await ids('review=to_review')).toEqual(['con.c', 'con.d']);
    expect(await ids('review=reviewed')).toEqual(['con.a']);
    expect(await ids('review=follow_up')).toEqual(['con.b']);
    expect(await ids('review=reviewed&review=follow_up')).toEqual(['con.a', 'con.b']);
    expect(await ids('review=to_review&sentiment=negative')).toEqual(['con.c']);
    expect(await ids('review=mine', 'Dana')).toEqual(['con.a', 'con.b', 'con.c']);
    expect(await ids('review=mine&review=reviewed', 'Dana')).toEqual(['con.a', 'con.b']);
    expect(await ids('review=mine&review=to_review', 'Lee')).toEqual([]);
  });

  it('finds the rated calls (those a mean rating is taken over), mine too', async () => {
    expect(await ids('review=rated')).toEqual(['con.a', 'con.c']);
    expect(await ids('review=rated&review=follow_up')).toEqual(['con.a', 'con.b', 'con.c']);
    expect(await ids('review=rated&sentiment=positive')).toEqual([]);
    expect(await ids('review=mine&review=rated', 'Dana')).toEqual(['con.a', 'con.c']);
    expect(await ids('review=mine&review=rated', 'Lee')).toEqual([]);
    expect(await ids('review=mine&review=rated&review=follow_up', 'Lee')).toEqual(['con.b']);
  });

  it('counts again after a review changes', async () => {
    expect(await ids('review=to_review')).toEqual(['con.c', 'con.d']);
    await fixture.reviews.setReview('con.c', 'Dana', { status: 'reviewed' });
    expect(await ids('review=to_review')).toEqual(['con.d']);
  });

  it('gives each row its review, with my own rating and status', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/api/calls',
      headers: as('Dana'),
    });
    const items = callListSchema.parse(response.json()).items;
    const byId = new Map(items.map((item) => [item.id, item.review]));
    expect(byId.get('con.b')).toEqual({
      state: 'follow_up',
      reviewers: 2,
      averageRating: null,
      comments: 0,
      myRating: null,
      myStatus: 'reviewed',
    });
    expect(byId.get('con.c')).toMatchObject({ state: 'to_review', averageRating: 2, myRating: 2 });
    expect(byId.get('con.d')).toMatchObject({ state: 'to_review', reviewers: 0 });
  });

  it('refuses an unknown value, and mine without a name, in one 422', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/api/calls?review=done&limit=0',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        expect.objectContaining({ loc: ['query', 'limit'] }),
        expect.objectContaining({ type: 'enum', loc: ['query', 'review'], input: 'done' }),
      ],
    });
    const anonymous = await fixture.app.inject({ method: 'GET', url: '/api/calls?review=mine' });
    expect(anonymous.statusCode).toBe(422);
    expect(anonymous.json()).toEqual({
      detail: [expect.objectContaining({ type: 'missing', loc: ['header', REVIEWER_HEADER] })],
    });
  });
});
