import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVERSATION_STATUSES, SEARCH_BY_FIELDS, SORT_BY_FIELDS } from '@contract';
import {
  DEFAULT_LIST_PARAMS,
  listSearchProblem,
  PAGE_SIZES,
  parseListParams,
  serializeListParams,
  toApiQuery,
  type ListParams,
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
          fc.constantFrom(...SEARCH_BY_FIELDS),
          fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((text) => text.trim() === text && text.length > 0),
        ),
        { nil: undefined },
      ),
      status: fc.option(fc.constantFrom(...CONVERSATION_STATUSES), { nil: undefined }),
      sort_by: fc.constantFrom(...SORT_BY_FIELDS),
      sort_order: fc.constantFrom('asc' as const, 'desc' as const),
      skip: fc.nat({ max: 1_000_000 }),
      limit: fc.constantFrom(...PAGE_SIZES),
    });
    fc.assert(
      fc.property(state, ({ search, status, ...rest }) => {
        const params: ListParams = {
          ...rest,
          ...(search ? { search_by: search[0], search_value: search[1] } : {}),
          ...(status ? { status } : {}),
        };
        const url = serializeListParams(params);
        const back = parseListParams(new URLSearchParams(url.toString()));
        expect(back.params).toEqual(params);
        expect(back.needsCorrection).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
