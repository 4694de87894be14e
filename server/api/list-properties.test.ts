import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_BY_FIELDS, SORT_BY_FIELDS, type Conversation } from '../../contract';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';
import { referenceList, type ReferenceQuery } from './testing/reference-list';

/** The same data behind the automatic planner and behind each of its two paths, forced. */
let fixture: DemoApiFixture;
let forced: DemoApiFixture[];
let samples: string[];
beforeAll(() => {
  fixture = createDemoApiFixture(150);
  forced = (['walk', 'set'] as const).map((plan) =>
    createDemoApiFixture(0, { plan, conversations: fixture.conversations }),
  );
  // Search values that do occur: slices of real names, words, ids and phone digits.
  samples = fixture.conversations
    .flatMap((conversation) => {
      const analytics = conversation.conversationAnalytics;
      const words = [
        conversation.id,
        conversation.prospectId,
        analytics?.name_of_caller,
        analytics?.summary,
        analytics?.phone_number_of_caller,
      ].filter((text): text is string => typeof text === 'string' && text.length >= 3);
      return words.map((text, index) => text.slice(index % 3, (index % 3) + 3 + (index % 5)));
    })
    .filter((sample) => [...sample].length >= 3);
});
afterAll(async () => {
  await Promise.all([fixture, ...forced].map((f) => f.close()));
});

const searchText = fc.string({
  unit: fc.constantFrom(...[...'abcdeilnorst AEIOU0123456789"\'%_-*.@é🙂ש\n'], 'İ'),
  minLength: 3,
  maxLength: 8,
});

const validQuery: fc.Arbitrary<ReferenceQuery> = fc
  .record(
    {
      search: fc.option(
        fc.tuple(fc.constantFrom(...SEARCH_BY_FIELDS), fc.oneof(fc.constant(null), searchText)),
        { nil: undefined },
      ),
      status: fc.option(fc.constantFrom('active', 'archived', 'other'), { nil: undefined }),
      sort_by: fc.option(fc.constantFrom(...SORT_BY_FIELDS), { nil: undefined }),
      sort_order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined }),
      skip: fc.option(fc.integer({ min: 0, max: 160 }), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    },
    { requiredKeys: [] },
  )
  .chain((raw) =>
    fc.nat({ max: 10_000 }).map((pick): ReferenceQuery => {
      const query: ReferenceQuery = {
        status: raw.status,
        sort_by: raw.sort_by,
        sort_order: raw.sort_order,
        skip: raw.skip,
        limit: raw.limit,
      };
      if (raw.search) {
        const [field, text] = raw.search;
        let value = text ?? samples[pick % samples.length]!;
        if (field === 'phone_number_of_caller') value = value.replace(/\D/g, '').padEnd(3, '5');
        query.search_by = field;
        query.search_value = value;
      }
      return query;
    }),
  );

function toUrl(query: ReferenceQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.set(key, String(value));
  return `/v1/conversations?${params}`;
}

describe('list properties', () => {
  it('returns exactly what the reference returns for any valid query, on every plan', async () => {
    await fc.assert(
      fc.asyncProperty(validQuery, async (query) => {
        const expected = referenceList(fixture.conversations, query);
        for (const { app } of [fixture, ...forced]) {
          const response = await app.inject({ method: 'GET', url: toUrl(query), headers: AUTH });
          expect(response.statusCode).toBe(200);
          expect((response.json() as Conversation[]).map((c) => c.id)).toEqual(
            expected.items.map((c) => c.id),
          );
          expect(response.headers['x-total-count']).toBe(String(expected.total));
        }
      }),
      { numRuns: 600 },
    );
  });

  const invalidPart = fc.constantFrom(
    'limit=0',
    'limit=101',
    'limit=abc',
    'limit=1e3',
    'limit=',
    'skip=-1',
    'skip=1.0',
    'skip=%FF',
    'skip=99999999999999999999',
    'sort_order=ASC',
    'sort_order=',
    'sort_by=id',
    'sort_by=1;DROP TABLE x',
    'search_by=nope&search_value=abc',
    'search_by=transcript&search_value=',
    'search_value=abc&search_by=',
    'status=a%00b',
    'search_by=name_of_caller&search_value=x',
    'limit=5&limit=5',
    `search_by=summary&search_value=${'z'.repeat(600)}`,
  );
  const validPart = fc.constantFrom(
    '',
    'status=active',
    'sort_by=duration',
    'skip=3',
    'limit=7',
    'sort_order=desc',
  );

  it('answers any invalid query with a FastAPI 422, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(invalidPart, { minLength: 1, maxLength: 3 }),
        fc.array(validPart, { maxLength: 2 }),
        async (bad, good) => {
          const url = `/v1/conversations?${[...bad, ...good].filter(Boolean).join('&')}`;
          const response = await fixture.app.inject({ method: 'GET', url, headers: AUTH });
          expect(response.statusCode).toBe(422);
          const body = response.json() as {
            detail: { type: string; loc: unknown[]; msg: string }[];
          };
          expect(body.detail.length).toBeGreaterThan(0);
          for (const problem of body.detail) {
            expect(problem.loc[0]).toBe('query');
            expect(typeof problem.type).toBe('string');
            expect(typeof problem.msg).toBe('string');
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
