import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_PARAMS } from '@/lib/list-params';
import { reviewOptions } from './facet-values';
import { filterChips } from './filter-chip-list';

const context = { facets: null, callerName: null, now: 0, timeZone: 'UTC' };

describe('the review filter', () => {
  it('offers "Reviewed by me" only when the server can tell who I am, or a link asks for it', () => {
    const labels = (hasName: boolean, selected: string[] = []) =>
      reviewOptions(hasName, selected).map((option) => option.label);
    expect(labels(true)).toEqual([
      'To review',
      'Reviewed',
      'Needs follow-up',
      'Rated',
      'Reviewed by me',
    ]);
    expect(labels(false)).toEqual(['To review', 'Reviewed', 'Needs follow-up', 'Rated']);
    expect(labels(false, ['mine'])).toContain('Reviewed by me');
  });

  it('shows a chip per value, each removing only itself', () => {
    const chips = filterChips(
      { ...DEFAULT_LIST_PARAMS, review: ['to_review', 'mine'], sentiment: ['negative'] },
      context,
    );
    expect(chips.map((chip) => chip.label)).toEqual([
      'Sentiment: Negative',
      'Review: To review',
      'Review: Reviewed by me',
    ]);
    expect(chips[1]!.remove).toEqual({ review: ['mine'] });
  });
});
