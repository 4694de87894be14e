import { describe, expect, it } from 'vitest';
import type { CallListItem, ReviewStatus } from '@contract';
import type { ConversationPage, ConversationRow } from './conversations-api';
import type { ListParams } from './list-params';
import {
  findNextToReview,
  pickNextToReview,
  SCAN_MAX_CALLS,
  type QueueReaders,
} from './review-queue';

const row = (id: string, state?: ReviewStatus): ConversationRow => ({
  kind: 'ok',
  conversation: {
    id,
    ...(state
      ? {
          review: {
            state,
            reviewers: 0,
            averageRating: null,
            comments: 0,
            myRating: null,
            myStatus: null,
          },
        }
      : {}),
  } as CallListItem,
});

/** A list of calls c0…c(n-1) whose review states `stateOf` gives; reads are counted. */
function list(count: number, stateOf: (index: number) => ReviewStatus) {
  const calls = Array.from({ length: count }, (_, index) => row(`c${index}`, stateOf(index)));
  const page = (params: ListParams): ConversationPage => ({
    rows: calls.slice(params.skip, params.skip + params.limit),
    total: calls.length,
  });
  const reads: number[] = [];
  const readers: QueueReaders = {
    cached: () => undefined,
    fresh: (params) => {
      reads.push(params.skip);
      return Promise.resolve(page(params));
    },
  };
  return { calls, page, readers, reads };
}

describe('pickNextToReview', () => {
  it('takes the first call still to review, leaving out the one being left', () => {
    const rows = [
      row('a', 'reviewed'),
      { kind: 'invalid', index: 1, id: 'b', problem: 'broken' } as const,
      row('c', 'to_review'),
      row('d', 'to_review'),
    ];
    expect(pickNextToReview(rows, null)).toBe(2);
    expect(pickNextToReview(rows, 'c')).toBe(3);
    expect(pickNextToReview([row('a', 'follow_up'), row('b')], null)).toBe(-1);
  });
});

describe('findNextToReview', () => {
  it('goes on after the call in the list’s own order, onto a later page when needed', async () => {
    // Calls 0…59 reviewed except 7 and 42; pages of 10.
    const { readers } = list(60, (i) => (i === 7 || i === 42 ? 'to_review' : 'reviewed'));
    expect(await findNextToReview({ id: 'c3', listSearch: '?limit=10' }, readers)).toEqual({
      kind: 'found',
      id: 'c7',
      listSearch: '?limit=10',
    });
    expect(await findNextToReview({ id: 'c7', listSearch: '?limit=10' }, readers)).toEqual({
      kind: 'found',
      id: 'c42',
      listSearch: '?skip=40&limit=10',
    });
    expect(await findNextToReview({ id: 'c42', listSearch: '?skip=40&limit=10' }, readers)).toEqual(
      { kind: 'none' },
    );
  });

  it('from the list itself, starts at the first call of the page on screen', async () => {
    const { readers } = list(60, (i) => (i === 3 || i === 25 ? 'to_review' : 'reviewed'));
    expect(await findNextToReview({ id: null, listSearch: '' }, readers)).toMatchObject({
      id: 'c3',
    });
    expect(await findNextToReview({ id: null, listSearch: '?skip=20&limit=10' }, readers)).toEqual({
      kind: 'found',
      id: 'c25',
      listSearch: '?skip=20&limit=10',
    });
  });

  it('goes on from where a call stood when it has left the list since', async () => {
    // A list filtered to "to review": c4 was reviewed and left it, so c5 moved into its place.
    const before = list(30, () => 'to_review');
    const after = list(30, () => 'to_review');
    after.calls.splice(4, 1);
    const readers: QueueReaders = {
      cached: (params) => before.page(params),
      fresh: after.readers.fresh,
    };
    expect(await findNextToReview({ id: 'c4', listSearch: '?limit=10' }, readers)).toMatchObject({
      id: 'c5',
    });
  });

  it('reads the list afresh, a few large pages at a time, and gives up after a while', async () => {
    const { readers, reads } = list(SCAN_MAX_CALLS + 500, () => 'reviewed');
    expect(await findNextToReview({ id: 'c0', listSearch: '' }, readers)).toEqual({
      kind: 'gave-up',
      scanned: SCAN_MAX_CALLS,
    });
    // The page that held the call, then SCAN_MAX_CALLS / 100 look-ahead reads.
    expect(reads.length).toBe(1 + SCAN_MAX_CALLS / 100);
  });
});
