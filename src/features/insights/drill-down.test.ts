import { describe, expect, it } from 'vitest';
import { listHref, ratedFilter, reviewedFilter } from './drill-down';

describe('ratedFilter', () => {
  it('lists the rated calls unless the page has a review filter of its own', () => {
    expect(ratedFilter(undefined)).toEqual(['rated']);
    expect(ratedFilter([])).toEqual(['rated']);
    expect(ratedFilter(['rated'])).toEqual(['rated']);
    expect(ratedFilter(['reviewed'])).toBeNull();
    expect(ratedFilter(['mine'])).toBeNull();
  });
});

describe('reviewedFilter', () => {
  it('lists the reviewed states without a review filter on the page', () => {
    expect(reviewedFilter(undefined)).toEqual(['reviewed', 'follow_up']);
    expect(reviewedFilter([])).toEqual(['reviewed', 'follow_up']);
  });

  it('narrows to the reviewed states the page already filters on', () => {
    expect(reviewedFilter(['reviewed', 'to_review'])).toEqual(['reviewed']);
    expect(reviewedFilter(['to_review'])).toEqual([]);
  });

  it('gives no filter when the page asks for my reviews', () => {
    expect(reviewedFilter(['mine'])).toBeNull();
  });

  it('makes a list link that carries the reviewed states', () => {
    const href = listHref(
      {},
      { from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' },
      { review: reviewedFilter(undefined)! },
    );
    const params = new URLSearchParams(href.slice(2));
    expect(params.getAll('review').sort()).toEqual(['follow_up', 'reviewed']);
  });
});
