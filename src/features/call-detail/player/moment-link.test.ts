import { describe, expect, it } from 'vitest';
import { momentUrl, parseStartAt } from './moment-link';

describe('parseStartAt', () => {
  it.each([
    ['100', 100],
    ['12.5', 12.5],
    [null, 0],
    ['', 0],
    ['-5', 0],
    ['1e3', 0],
    ['abc', 0],
    ['Infinity', 0],
  ])('%s → %s', (value, expected) => expect(parseStartAt(value)).toBe(expected));
});

describe('momentUrl', () => {
  it('sets t to the whole second and keeps other parameters', () => {
    expect(momentUrl('http://host/calls/con.1?t=5&x=1', 97.8)).toBe(
      'http://host/calls/con.1?t=97&x=1',
    );
    expect(momentUrl('http://host/calls/a%2Fb', -3)).toBe('http://host/calls/a%2Fb?t=0');
  });
});
