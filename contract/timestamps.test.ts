import { expect, it } from 'vitest';
import { parseGeneralForm, parseTrataTimestamp } from './timestamps';

it('reads the common form exactly as the general reading does', () => {
  const samples = [
    '2024-11-11T05:06:21.049339',
    '2024-11-11T05:06:21',
    '2024-11-11 05:06:21.5Z',
    '2024-11-11t05:06:21z',
    '2024-02-29T23:59:59.999999999',
    '2023-02-29T00:00:00',
    '2024-04-31T00:00:00',
    '2024-13-01T00:00:00',
    '2024-00-10T00:00:00',
    '2024-01-00T00:00:00',
    '2024-01-01T24:00:00',
    '2024-01-01T10:60:00',
    '2024-01-01T23:59:60',
    '0050-01-01T00:00:00',
    '2024-01-01T00:00:00.',
    '2024-01-01T00:00:00.1234567890',
    '2024-01-01T00:00:00+02:00',
    '2024-01-01T00:00:00.25-0130',
    ' 2024-01-01T00:00:00 ',
    '2024-1-01T00:00:00',
    '2024-01-01X00:00:00',
    '',
    'not a date',
  ];
  // Random mutations of a valid timestamp: every character swapped for a digit or a separator.
  const base = '2024-11-11T05:06:21.049339Z';
  const swaps = '0123456789-:.TZ +';
  for (let at = 0; at < base.length; at++) {
    for (const swap of swaps) samples.push(base.slice(0, at) + swap + base.slice(at + 1));
  }
  for (const sample of samples)
    expect(parseTrataTimestamp(sample), sample).toBe(parseGeneralForm(sample));
});
