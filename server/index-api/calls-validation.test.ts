import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { createIndexFixture, type IndexFixture } from './testing/index-fixture';

let fixture: IndexFixture;
beforeAll(async () => {
  fixture = await createIndexFixture(fixtureConversations(40, 3));
});
afterAll(() => fixture.close());

interface Problem {
  type: string;
  loc: unknown[];
  msg: string;
}

async function problems(query: string): Promise<Problem[]> {
  const response = await fixture.app.inject({ method: 'GET', url: `/api/calls?${query}` });
  expect(response.statusCode).toBe(422);
  const body = response.json() as { detail: Problem[] };
  expect(body.detail.length).toBeGreaterThan(0);
  for (const problem of body.detail) {
    expect(problem.loc[0]).toBe('query');
    expect(typeof problem.type).toBe('string');
    expect(typeof problem.msg).toBe('string');
  }
  return body.detail;
}

const locs = (list: Problem[]) => list.map((problem) => problem.loc[1]);

describe('GET /api/calls refuses garbage with a 422 in the contract shape', () => {
  it('names each bad parameter', async () => {
    expect(locs(await problems('sentiment=furious'))).toEqual(['sentiment']);
    expect(locs(await problems('outcome=SOLD'))).toEqual(['outcome']);
    expect(locs(await problems('consent=maybe'))).toEqual(['consent']);
    expect(locs(await problems('from=2024-13-01T00:00:00Z'))).toEqual(['from']);
    expect(locs(await problems('to=yesterday'))).toEqual(['to']);
    expect(locs(await problems('q=ab'))).toEqual(['q']);
    expect(locs(await problems('q=a%01bcd'))).toEqual(['q']);
    expect(locs(await problems('source_type='))).toEqual(['source_type']);
    expect(locs(await problems('agent='))).toEqual(['agent']);
  });

  it('refuses from at or after to', async () => {
    const list = await problems('from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z');
    expect(list).toMatchObject([{ type: 'greater_than', loc: ['query', 'to'] }]);
    await problems('from=2026-10-01T00:00:00Z&to=2026-10-01T00:00:00Z');
  });

  it('refuses 10,000 repeats of a repeatable or a single parameter', async () => {
    for (const name of ['sentiment', 'outcome', 'agent', 'q', 'consent', 'from']) {
      const value =
        { sentiment: 'positive', outcome: 'NEW', agent: 'aia.1', q: 'abc' }[name] ?? 'x';
      const query = Array.from({ length: 10_000 }, () => `${name}=${value}`).join('&');
      expect(locs(await problems(query))).toContain(name);
    }
  });

  it('refuses a 1 MB value in every new parameter and echoes only its start', async () => {
    const huge = 'a'.repeat(1024 * 1024);
    for (const name of [
      'q',
      'sentiment',
      'outcome',
      'consent',
      'agent',
      'source_type',
      'from',
      'to',
    ]) {
      const response = await fixture.app.inject({
        method: 'GET',
        url: `/api/calls?${name}=${huge}`,
      });
      expect(response.statusCode, name).toBe(422);
      expect(response.body.length, name).toBeLessThan(2_000);
    }
  });

  it('reports problems of the contract parameters and the new ones together', async () => {
    const list = await problems('limit=0&sentiment=bad&sort_by=id');
    expect(new Set(locs(list))).toEqual(new Set(['limit', 'sentiment', 'sort_by']));
  });

  const bad = fc.constantFrom(
    'sentiment=POSITIVE',
    'sentiment=',
    'outcome=new',
    'consent=given&consent=missing',
    'consent=',
    'from=2026-02-30T00:00:00Z',
    'from=',
    'to=1700000000',
    'to=2026-10-01&to=2026-10-02',
    'q=%FF%FE',
    'q=a%00bc',
    'q=12',
    'source_type=a&source_type=b',
    `agent=${'x'.repeat(201)}`,
    'limit=101',
    'skip=-3',
    'search_by=transcript',
  );
  const good = fc.constantFrom(
    '',
    'sentiment=positive',
    'agent=aia.1727.beta',
    'q=smith',
    'limit=5',
  );

  it('never answers garbage with a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(bad, { minLength: 1, maxLength: 3 }),
        fc.array(good, { maxLength: 2 }),
        async (badParts, goodParts) => {
          await problems([...badParts, ...goodParts].filter(Boolean).join('&'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
