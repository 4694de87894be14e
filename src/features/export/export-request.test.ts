import { describe, expect, it } from 'vitest';
import { attachmentFileName, exportUrl } from './export-request';

describe('exportUrl', () => {
  it('keeps the filters and sort, drops the page, adds the columns and the zone', () => {
    const list = new URLSearchParams(
      'sentiment=negative&sentiment=neutral&q=refund&sort_by=duration&sort_order=desc&skip=50&limit=50',
    );
    const url = new URL(
      exportUrl(list, ['summary', 'start', 'unknown', 'caller'], 'Europe/Paris'),
      'http://x',
    );
    expect(url.pathname).toBe('/api/calls.csv');
    expect(url.searchParams.getAll('sentiment')).toEqual(['negative', 'neutral']);
    expect(url.searchParams.get('q')).toBe('refund');
    expect(url.searchParams.get('sort_by')).toBe('duration');
    expect(url.searchParams.get('sort_order')).toBe('desc');
    expect(url.searchParams.has('skip')).toBe(false);
    expect(url.searchParams.has('limit')).toBe(false);
    // In the list's order, whatever order the preferences hold them in.
    expect(url.searchParams.get('columns')).toBe('start,caller,summary');
    expect(url.searchParams.get('tz')).toBe('Europe/Paris');
  });

  it('leaves out a zone the server would refuse', () => {
    const url = new URL(exportUrl(new URLSearchParams(), ['start'], 'Not/AZone'), 'http://x');
    expect(url.searchParams.has('tz')).toBe(false);
    expect(new URL(exportUrl(new URLSearchParams(), [], undefined), 'http://x').search).toBe('');
  });
});

describe('attachmentFileName', () => {
  it("takes the server's name", () => {
    expect(
      attachmentFileName('attachment; filename="callscope-calls_all_2026-12-02.csv"', 'x.csv'),
    ).toBe('callscope-calls_all_2026-12-02.csv');
  });

  it('falls back on a missing or unsafe name', () => {
    expect(attachmentFileName(null, 'calls.csv')).toBe('calls.csv');
    expect(attachmentFileName('attachment; filename="../evil.csv"', 'calls.csv')).toBe('calls.csv');
    expect(attachmentFileName('attachment; filename="a b.csv"', 'calls.csv')).toBe('calls.csv');
  });
});
