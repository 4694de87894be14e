import { describe, expect, it } from 'vitest';
import {
  checkReviewerName,
  COMMENT_TEXT_MAX,
  commentCreateSchema,
  decodeReviewerName,
  encodeReviewerName,
  reviewUpdateSchema,
} from './review';

describe('reviewer names', () => {
  it('round-trips any name through the header encoding', () => {
    for (const name of ['Dana', 'José Núñez', '李小龙', 'Ana 👩‍⚕️', "O'Brien, Kim"]) {
      expect(decodeReviewerName(encodeReviewerName(name))).toBe(name);
    }
  });

  it('refuses empty, long, control-character and badly encoded names', () => {
    expect(checkReviewerName('   ')).toBeNull();
    expect(checkReviewerName('x'.repeat(81))).toBeNull();
    expect(checkReviewerName('Dana\nadmin')).toBeNull();
    expect(decodeReviewerName('%E0%A4%A')).toBeNull();
    expect(decodeReviewerName('Dana%00')).toBeNull();
    expect(checkReviewerName('  Dana  ')).toBe('Dana');
  });
});

describe('review bodies', () => {
  it('counts comment text after trimming, in characters', () => {
    const text = (value: string) => commentCreateSchema.safeParse({ text: value }).success;
    expect(text(' ')).toBe(false);
    expect(text(`  ${'é'.repeat(COMMENT_TEXT_MAX)}  `)).toBe(true);
    expect(text('😀'.repeat(COMMENT_TEXT_MAX))).toBe(true);
    expect(text('x'.repeat(COMMENT_TEXT_MAX + 1))).toBe(false);
  });

  it('takes an integer rating from 1 to 5 and known statuses only', () => {
    const ok = (value: unknown) => reviewUpdateSchema.safeParse(value).success;
    expect(ok({ rating: 1, status: 'follow_up', follow_up_reason: 'Refund' })).toBe(true);
    expect(ok({ rating: 0 })).toBe(false);
    expect(ok({ rating: 4.5 })).toBe(false);
    expect(ok({ status: 'done' })).toBe(false);
    expect(ok({ rating: 3, reviewer: 'someone else' })).toBe(false);
  });
});
