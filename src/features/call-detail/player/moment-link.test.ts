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
    ['1:05', 65],
    ['0:07', 7],
    ['1:02:03', 3723],
    ['75:30', 4530],
    [' 2:00.5 ', 120.5],
    ['1:5', 0],
    ['1:60', 0],
    ['1:60:00', 0],
    ['1:02:03:04', 0],
    [':30', 0],
    ['-1:00', 0],
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
