import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callListSchema } from '../../contract';
import {
  as,
  createReviewFixture,
  reviewConversation,
  type ReviewFixture,
} from './testing/review-fixture';

let fixture: ReviewFixture;
beforeEach(async () => {
  const ids = Array.from({ length: 12 }, (_, i) => `con.answer.${i}`);
  fixture = await createReviewFixture(ids.map((id) => reviewConversation(id)));
});
afterEach(() => fixture.close());

const URL_ = '/api/calls?limit=50';

/** The list as a client that takes `encoding` reads it, and how it came. */
async function list(encoding: string | null, who = 'Dana') {
  const response = await fixture.app.inject({
    method: 'GET',
    url: URL_,
    headers: { ...as(who), ...(encoding ? { 'accept-encoding': encoding } : {}) },
  });
  expect(response.statusCode).toBe(200);
  const sent = response.headers['content-encoding'];
  const raw = response.rawPayload;
  const text =
    sent === 'br'
      ? brotliDecompressSync(raw).toString()
      : sent === 'gzip'
        ? gunzipSync(raw).toString()
        : raw.toString();
  return { sent, vary: response.headers.vary, list: callListSchema.parse(JSON.parse(text)) };
}

describe('the list answer, kept and compressed', () => {
  it('is compressed in the encoding the client prefers, to the same list', async () => {
    const plain = await list(null);
    expect(plain.sent).toBeUndefined();
    const br = await list('gzip, deflate, br');
    expect(br).toMatchObject({ sent: 'br', vary: 'accept-encoding' });
    expect(br.list).toEqual(plain.list);
    const gzip = await list('gzip;q=1, br;q=0.5');
    expect(gzip.sent).toBe('gzip');
    expect(gzip.list).toEqual(plain.list);
    expect((await list('identity')).sent).toBeUndefined();
  });

  it('shows a review in the next answer, in every encoding, and each reviewer their own', async () => {
    for (const encoding of [null, 'br', 'gzip']) await list(encoding);
    const id = 'con.answer.3';
    const rated = await fixture.app.inject({
      method: 'PUT',
      url: `/api/calls/${id}/review`,
      headers: { ...as('Dana'), 'content-type': 'application/json' },
      payload: JSON.stringify({ rating: 5 }),
    });
    expect(rated.statusCode).toBe(200);
    for (const encoding of [null, 'br', 'gzip']) {
      const row = (await list(encoding)).list.items.find((item) => item.id === id);
      expect(row?.review).toMatchObject({ averageRating: 5, myRating: 5 });
      const theirs = (await list(encoding, 'Lee')).list.items.find((item) => item.id === id);
      expect(theirs?.review).toMatchObject({ averageRating: 5, myRating: null });
    }
  });

  it('shows a call indexed since, in every encoding', async () => {
    for (const encoding of [null, 'br']) expect((await list(encoding)).list.total).toBe(12);
    await fixture.calls.upsert([reviewConversation('con.answer.new')]);
    for (const encoding of [null, 'br']) expect((await list(encoding)).list.total).toBe(13);
  });
});
