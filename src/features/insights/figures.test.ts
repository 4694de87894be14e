import { describe, expect, it } from 'vitest';
import { describeChange, formatShare, slowPerCall } from './figures';
import { neutralizeCell, toCsv } from './csv-export';
import { listHref } from './drill-down';

describe('insight figures in words', () => {
  it('says how a figure moved against the previous period', () => {
    expect(describeChange(12, 10)).toBe('+20%');
    expect(describeChange(5, 10)).toBe('−50%');
    expect(describeChange(0, 0)).toBe('no change');
    expect(describeChange(3, 0)).toBe('none before');
    expect(describeChange(null, 2)).toBe('no comparison');
  });
  it('shows shares and slow answers per call without dividing by zero', () => {
    expect(formatShare(0, 0)).toBe('—');
    expect(slowPerCall({ slowAnswers: 3, calls: 0 })).toBeNull();
    expect(slowPerCall({ slowAnswers: 3, calls: 6 })).toBe(0.5);
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula, and keeps numbers', () => {
    for (const payload of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralizeCell(payload)).toBe(`'${payload}`);
    }
    expect(neutralizeCell('Agent 7')).toBe('Agent 7');
    expect(neutralizeCell(-3)).toBe(-3);
    expect(neutralizeCell(null)).toBe('');
  });
  it('writes a byte order mark, a header and quoted cells', () => {
    expect(
      toCsv(
        ['agent', 'calls'],
        [
          ['=cmd', 3],
          ['Ana, "A"', 1],
        ],
      ),
    ).toBe('\uFEFFagent,calls\n\'=cmd,3\n"Ana, ""A""",1\n');
  });
});

describe('drill-down links', () => {
  it('carry the page filters, the span and the value clicked, which replaces its filter', () => {
    const href = listHref(
      { agent: ['aia.1'], sentiment: ['positive', 'negative'] },
      { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' },
      { sentiment: ['negative'] },
    );
    const params = new URL(href, 'http://x').searchParams;
    expect(params.getAll('sentiment')).toEqual(['negative']);
    expect(params.getAll('agent')).toEqual(['aia.1']);
    expect(params.get('from')).toBe('2026-11-01T00:00:00.000Z');
    expect(params.get('to')).toBe('2026-11-02T00:00:00.000Z');
    expect(params.has('skip')).toBe(false);
  });
});
