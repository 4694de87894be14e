import { LRUCache } from 'lru-cache';
import type { CallReviewSummary } from '../../contract';
import type { ReviewStore } from './review-types';

type Summaries = ReviewStore['summaries'];

/**
 * A list page's review summaries, kept under the review epoch read before them. Every review
 * change bumps the epoch, so a page asked for again while it stands is answered from memory, and
 * as the very same map: the list route keeps the answer it built from it.
 */
export function keptSummaries(read: Summaries, epoch: ReviewStore['epoch']): Summaries {
  const kept = new LRUCache<string, Map<string, CallReviewSummary>>({ max: 200 });
  return async (callIds, viewer) => {
    if (callIds.length === 0) return new Map<string, CallReviewSummary>();
    const key = JSON.stringify([await epoch(), viewer, callIds]);
    const hit = kept.get(key);
    if (hit) return hit;
    const summaries = await read(callIds, viewer);
    kept.set(key, summaries);
    return summaries;
  };
}
