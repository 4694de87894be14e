import { describe, expect, it } from 'vitest';
import type { Verdict } from '../store/review-types';
import { formatMoment, reviewerOfEntry, VERDICT_TEXT_MAX, verdictEntry } from './verdict-entry';

const verdict = (extra: Partial<Verdict> = {}): Verdict => ({
  reviewer: 'Dana Reyes',
  rating: 2,
  status: 'follow_up',
  followUpReason: 'The caller asked\nfor a refund',
  comments: [
    { text: "Quoted last year's price.", atSeconds: 83.4 },
    { text: 'No callback was offered.', atSeconds: null },
  ],
  generation: 1,
  ...extra,
});

describe('verdictEntry', () => {
  it('names the reviewer on the first line and lists the comments', () => {
    expect(verdictEntry(verdict())).toEqual({
      comment: [
        '[Callscope review] Dana Reyes',
        'Needs follow-up: The caller asked for a refund. Rating 2/5.',
        "1:23 Quoted last year's price.",
        'Whole call: No callback was offered.',
      ].join('\n'),
      rating: 2,
    });
    expect(reviewerOfEntry(verdictEntry(verdict()))).toBe('Dana Reyes');
  });

  it('stays within its length and says how many comments are left out', () => {
    const comments = Array.from({ length: 200 }, (_, i) => ({
      text: `Comment ${i} ${'x'.repeat(60)}`,
      atSeconds: i,
    }));
    const entry = verdictEntry(verdict({ comments }));
    expect(entry.comment.length).toBeLessThanOrEqual(VERDICT_TEXT_MAX);
    expect(entry.comment).toMatch(/… and \d+ more in Callscope\.$/);
  });

  it('formats moments as a player shows them', () => {
    expect([0, 9.9, 83, 3600, 3725].map(formatMoment)).toEqual([
      '0:00',
      '0:09',
      '1:23',
      '1:00:00',
      '1:02:05',
    ]);
  });

  it('reads no reviewer from foreign entries', () => {
    for (const entry of [
      null,
      5,
      { comment: 'good', rating: 5 },
      { comment: '[Callscope review] ' },
    ]) {
      expect(reviewerOfEntry(entry)).toBeNull();
    }
  });
});
