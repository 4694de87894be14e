import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { callListSchema, type CallFacets, type CallReviewSummary } from '../../contract';
import type { CallJsonPage } from '../store/types';
import { createListBodies, listBody } from './list-body';

const row = (id: string) =>
  JSON.stringify({
    id,
    timestampStart: '2026-11-30T10:00:00.000Z',
    timestampEnd: '2026-11-30T10:01:00.000Z',
    durationSeconds: 60,
    callerName: null,
    callerPhone: null,
    sentiment: 'positive',
    prospectStatus: null,
    consentGiven: true,
    summary: null,
    status: 'completed',
    sourceType: 'phone',
    agentId: null,
    agentName: null,
  });

const page = (): CallJsonPage => ({ ids: ['a', 'b'], itemsJson: [row('a'), row('b')], total: 2 });
const facets = (): CallFacets => ({
  sentiment: { positive: 2 },
  outcome: {},
  consent: { given: 2, missing: 0 },
  agent: [],
});
const rated: CallReviewSummary = {
  state: 'reviewed',
  reviewers: 1,
  averageRating: 4,
  comments: 2,
  myRating: 4,
  myStatus: 'reviewed',
};

describe('the list answer', () => {
  it('gives each row its review summary, and "to review" to a row without one', () => {
    const list = callListSchema.parse(
      JSON.parse(listBody(page(), facets(), new Map([['b', rated]]))),
    );
    expect(list.items.map((item) => item.review?.state)).toEqual(['to_review', 'reviewed']);
    expect(list.items[1]!.review).toEqual(rated);
    expect(list.total).toBe(2);
  });

  it('leaves the review out when the server keeps none', () => {
    const list = callListSchema.parse(JSON.parse(listBody(page(), facets(), null)));
    expect(list.items.map((item) => item.review)).toEqual([undefined, undefined]);
  });
});

describe('the kept list answers', () => {
  it('sends the same bytes again while the page, its facets and its summaries are the same objects', () => {
    const bodies = createListBodies();
    const [kept, keptFacets, summaries] = [page(), facets(), new Map([['a', rated]])];
    const first = bodies(kept, keptFacets, summaries);
    expect(bodies(kept, keptFacets, summaries)).toBe(first);
    expect(first.body.toString()).toBe(listBody(kept, keptFacets, summaries));
    // Compressed once per encoding, to the same text.
    const gzipped = first.encoded('gzip');
    expect(bodies(kept, keptFacets, summaries).encoded('gzip')).toBe(gzipped);
    expect(gunzipSync(gzipped).toString()).toBe(first.body.toString());
    expect(brotliDecompressSync(first.encoded('br')).toString()).toBe(first.body.toString());
  });

  it('builds the answer again when any of them is a new object, and says what changed', () => {
    const bodies = createListBodies();
    const [kept, keptFacets] = [page(), facets()];
    const before = bodies(kept, keptFacets, new Map());
    const reviewed = bodies(kept, keptFacets, new Map([['a', rated]]));
    expect(reviewed).not.toBe(before);
    expect(reviewed.body.toString()).toContain('"state":"reviewed"');
    const counted = bodies(kept, { ...keptFacets, sentiment: { positive: 1 } }, new Map());
    expect(counted.body.toString()).toContain('"sentiment":{"positive":1}');
    const moved = bodies({ ...kept, total: 3 }, keptFacets, new Map());
    expect(moved.body.toString()).toContain('"total":3');
  });
});
