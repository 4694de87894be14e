import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_STATUSES,
  PROSPECT_STATUSES,
  REVIEW_FILTERS,
  SEARCH_BY_FIELDS,
  SENTIMENTS,
  SORT_BY_FIELDS,
} from '@contract';
import {
  DEFAULT_LIST_PARAMS,
  hasFilters,
  listSearchProblem,
  PAGE_SIZES,
  parseListParams,
  serializeListParams,
  toApiQuery,
  type ListParams,
  withoutFilters,
} from './list-params';

const parse = (query: string) => parseListParams(new URLSearchParams(query));

describe('list params', () => {
  it('reads an empty URL as the defaults, with nothing to correct', () => {
    expect(parse('')).toEqual({ params: DEFAULT_LIST_PARAMS, needsCorrection: false });
    expect(serializeListParams(DEFAULT_LIST_PARAMS).toString()).toBe('');
  });

  it('leaves defaults out of the URL but sends every value to the API', () => {
    const params: ListParams = { ...DEFAULT_LIST_PARAMS, status: 'active' };
    expect(serializeListParams(params).toString()).toBe('status=active');
    expect(toApiQuery(params).toString()).toBe(
      'status=active&sort_by=timestampStart&sort_order=desc&skip=0&limit=25',
    );
  });

  it.each([
    ['limit=7', {}],
    ['skip=-3', {}],
    ['skip=abc', {}],
    ['sort_by=password', {}],
    ['sort_order=sideways', {}],
    ['search_by=transcript', {}],
    ['search_value=pizza', {}],
    ['search_by=nope&search_value=pizza', {}],
    ['limit=25', {}],
    ['status=active&status=archived', { status: 'archived' }],
    ['status=deleted', {}],
  ])('falls back to defaults for %s and asks for a correction', (query, expected) => {
    const { params, needsCorrection } = parse(query);
    expect(needsCorrection).toBe(true);
    expect(params).toEqual({ ...DEFAULT_LIST_PARAMS, ...expected });
  });

  it('keeps a search too short for the API, and says why in words', () => {
    const { params, needsCorrection } = parse('search_by=transcript&search_value=ab');
    expect(needsCorrection).toBe(false);
    expect(listSearchProblem(params)).toBe('A search needs at least 3 characters.');
    expect(
      listSearchProblem(parse('search_by=phone_number_of_caller&search_value=4-1x').params),
    ).toBe('A phone search needs at least 3 digits.');
    expect(listSearchProblem(parse('search_by=transcript&search_value=abc').params)).toBeNull();
    expect(listSearchProblem(DEFAULT_LIST_PARAMS)).toBeNull();
  });

  it('keeps valid values', () => {
    expect(
      parse(
        'search_by=phone_number_of_caller&search_value=415&status=archived&sort_by=duration&sort_order=asc&skip=50&limit=50',
      ),
    ).toEqual({
      params: {
        search_by: 'phone_number_of_caller',
        search_value: '415',
        status: 'archived',
        sort_by: 'duration',
        sort_order: 'asc',
        skip: 50,
        limit: 50,
      },
      needsCorrection: false,
    });
  });

  it('round-trips any valid state through the URL', () => {
    const state = fc.record({
      search: fc.option(
        fc.tuple(
          // Sentiment and outcome searches become their facets (tested below).
          fc.constantFrom(
            ...SEARCH_BY_FIELDS.filter(
              (field) => field !== 'sentiment_of_caller' && field !== 'prospectStatus',
            ),
          ),
          fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((text) => text.trim() === text && text.length > 0),
        ),
        { nil: undefined },
      ),
      status: fc.option(fc.constantFrom(...CONVERSATION_STATUSES), { nil: undefined }),
      sentiment: fc.subarray([...SENTIMENTS]),
      outcome: fc.subarray([...PROSPECT_STATUSES]),
      review: fc.subarray([...REVIEW_FILTERS]),
      agent: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 4 }),
      consent: fc.option(fc.constantFrom('given' as const, 'missing' as const), { nil: undefined }),
      range: fc.option(
        fc
          .tuple(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 1e11 }))
          .map(([from, span]) => [
            new Date(from).toISOString(),
            new Date(from + span).toISOString(),
          ]),
        { nil: undefined },
      ),
      sort_by: fc.constantFrom(...SORT_BY_FIELDS),
      sort_order: fc.constantFrom('asc' as const, 'desc' as const),
      skip: fc.nat({ max: 1_000_000 }),
      limit: fc.constantFrom(...PAGE_SIZES),
    });
    fc.assert(
      fc.property(
        state,
        ({ search, status, sentiment, outcome, review, agent, consent, range, ...rest }) => {
          const params: ListParams = {
            ...rest,
            ...(search ? { search_by: search[0], search_value: search[1] } : {}),
            ...(status ? { status } : {}),
            ...(sentiment.length ? { sentiment } : {}),
            ...(outcome.length ? { outcome } : {}),
            ...(review.length ? { review } : {}),
            ...(agent.length ? { agent } : {}),
            ...(consent ? { consent } : {}),
            ...(range ? { from: range[0], to: range[1] } : {}),
          };
          const url = serializeListParams(params);
          const back = parseListParams(new URLSearchParams(url.toString()));
          expect(back.params).toEqual(params);
          expect(back.needsCorrection).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('combines filters in the URL, repeated names for several values', () => {
    const { params, needsCorrection } = parse(
      'q=wings&sentiment=negative&sentiment=neutral&outcome=NOT_INTERESTED&consent=missing&agent=a1&agent=a2&source_type=PHONE&from=2026-11-01T05%3A00%3A00.000Z&to=2026-11-08T05%3A00%3A00.000Z',
    );
    expect(needsCorrection).toBe(true); // sentiments come back in the contract's order
    expect(params).toMatchObject({
      q: 'wings',
      sentiment: ['neutral', 'negative'],
      outcome: ['NOT_INTERESTED'],
      consent: 'missing',
      agent: ['a1', 'a2'],
      source_type: 'PHONE',
      from: '2026-11-01T05:00:00.000Z',
      to: '2026-11-08T05:00:00.000Z',
    });
    expect(toApiQuery(params).getAll('sentiment')).toEqual(['neutral', 'negative']);
    expect(hasFilters(params)).toBe(true);
    expect(hasFilters(withoutFilters(params))).toBe(false);
  });

  it.each([
    ['sentiment=angry', {}],
    ['sentiment=negative&sentiment=negative', { sentiment: ['negative'] }],
    ['outcome=WON', {}],
    ['consent=maybe', {}],
    ['from=yesterday', {}],
    ['to=2026-13-01', {}],
    ['from=2026-11-03T10:00:00', {}],
    ['from=2026-11-09T00:00:00Z&to=2026-11-02T00:00:00Z', {}],
    ['agent=%01bad', {}],
    ['source_type=', {}],
  ])('drops the invalid filter in %s and asks for a correction', (query, expected) => {
    const { params, needsCorrection } = parse(query);
    expect(needsCorrection).toBe(true);
    expect(params).toEqual({ ...DEFAULT_LIST_PARAMS, ...expected });
  });

  it('reads the review filter as repeated values in the contract’s order, dropping unknown ones', () => {
    const { params, needsCorrection } = parse(
      'review=mine&review=to_review&review=done&review=mine&sentiment=negative',
    );
    expect(needsCorrection).toBe(true);
    expect(params).toMatchObject({ review: ['to_review', 'mine'], sentiment: ['negative'] });
    expect(hasFilters(params)).toBe(true);
    expect(withoutFilters(params).review).toBeUndefined();
    expect(toApiQuery(params).toString()).toBe(
      'sentiment=negative&review=to_review&review=mine&sort_by=timestampStart&sort_order=desc&skip=0&limit=25',
    );
    expect(parse('review=follow_up&review=reviewed').params.review).toEqual([
      'reviewed',
      'follow_up',
    ]);
  });

  it('turns an older sentiment or outcome search into the facet it means', () => {
    expect(parse('search_by=sentiment_of_caller&search_value=Negative&sentiment=positive')).toEqual(
      {
        params: { ...DEFAULT_LIST_PARAMS, sentiment: ['positive', 'negative'] },
        needsCorrection: true,
      },
    );
    expect(parse('search_by=prospectStatus&search_value=service_order_placed').params).toEqual({
      ...DEFAULT_LIST_PARAMS,
      outcome: ['SERVICE_ORDER_PLACED'],
    });
    // Not a value the facet has: the search stays a search.
    expect(parse('search_by=sentiment_of_caller&search_value=meh').params).toMatchObject({
      search_by: 'sentiment_of_caller',
      search_value: 'meh',
    });
  });

  it('reads a bare day as the viewer’s whole day', () => {
    const { params } = parse('from=2026-11-03&to=2026-11-03');
    expect(Date.parse(params.to!) - Date.parse(params.from!)).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('says a free-text search is too short instead of sending it', () => {
    expect(listSearchProblem(parse('q=ab').params)).toBe('A search needs at least 3 characters.');
    expect(listSearchProblem(parse('q=abc').params)).toBeNull();
  });
});
