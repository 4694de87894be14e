import { describe, expect, it } from 'vitest';
import { etagMatches, ifRangeAllows } from './conditional';

describe('etagMatches', () => {
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['"other"', false],
    ['"x", "abc"', true],
    ['W/"abc"', true],
    ['*', true],
    [['"x"', '"abc"'], true],
  ] as const)('If-None-Match %s', (header, expected) => {
    expect(etagMatches(header as string | string[] | undefined, '"abc"')).toBe(expected);
  });
});

describe('ifRangeAllows', () => {
  it('allows a range without If-Range or with the current strong tag only', () => {
    expect(ifRangeAllows(undefined, '"abc"')).toBe(true);
    expect(ifRangeAllows('"abc"', '"abc"')).toBe(true);
    expect(ifRangeAllows('"old"', '"abc"')).toBe(false);
    expect(ifRangeAllows('Wed, 21 Oct 2015 07:28:00 GMT', '"abc"')).toBe(false);
    expect(ifRangeAllows('W/"abc"', 'W/"abc"')).toBe(false);
  });
});
