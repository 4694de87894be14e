import { describe, expect, it } from 'vitest';
import { insightFiltersOf, insightsApiQuery } from './insights-api-query';

describe('insightsApiQuery', () => {
  it("carries the list's filters, not its sort or page, with the window and the zone", () => {
    const search = new URLSearchParams(
      'sentiment=negative&agent=aia.1&review=reviewed&sort_by=duration&skip=40&from=2026-01-01T00:00:00.000Z',
    );
    const query = insightsApiQuery(
      insightFiltersOf(search),
      { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 8) },
      'Europe/Paris',
    );
    expect(query.get('sentiment')).toBe('negative');
    expect(query.get('agent')).toBe('aia.1');
    expect(query.get('review')).toBe('reviewed');
    expect(query.get('from')).toBe('2026-11-01T00:00:00.000Z');
    expect(query.get('to')).toBe('2026-11-08T00:00:00.000Z');
    expect(query.get('tz')).toBe('Europe/Paris');
    expect(query.has('sort_by')).toBe(false);
    expect(query.has('skip')).toBe(false);
  });

  it('gives the same query, and so the same cache key, for the same URL', () => {
    const search = new URLSearchParams('consent=missing');
    const window = { from: 0, to: 86_400_000 };
    expect(insightsApiQuery(insightFiltersOf(search), window, 'UTC').toString()).toBe(
      insightsApiQuery(insightFiltersOf(new URLSearchParams(search)), window, 'UTC').toString(),
    );
  });
});
