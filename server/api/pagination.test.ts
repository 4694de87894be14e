import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_BY_FIELDS, SORT_ORDERS, transcriptMessages, type Conversation } from '../../contract';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';

let fixture: DemoApiFixture;
beforeAll(() => {
  fixture = createDemoApiFixture(230);
});
afterAll(() => fixture.close());

async function page(
  sortBy: string,
  sortOrder: string,
  skip: number,
  limit: number,
): Promise<string[]> {
  const response = await fixture.app.inject({
    method: 'GET',
    url: `/v1/conversations?sort_by=${sortBy}&sort_order=${sortOrder}&skip=${skip}&limit=${limit}`,
    headers: AUTH,
  });
  expect(response.statusCode).toBe(200);
  return (response.json() as Conversation[]).map((conversation) => conversation.id);
}

describe('pagination', () => {
  const limit = 17;
  for (const sortBy of SORT_BY_FIELDS) {
    for (const sortOrder of SORT_ORDERS) {
      it(`walks every page of ${sortBy} ${sortOrder} both ways, each call exactly once`, async () => {
        const total = fixture.conversations.length;
        const forward: string[] = [];
        for (let skip = 0; skip < total; skip += limit)
          forward.push(...(await page(sortBy, sortOrder, skip, limit)));
        const backward: string[][] = [];
        for (let skip = Math.floor((total - 1) / limit) * limit; skip >= 0; skip -= limit) {
          backward.unshift(await page(sortBy, sortOrder, skip, limit));
        }
        expect(forward).toHaveLength(total);
        expect(new Set(forward).size).toBe(total);
        expect(backward.flat()).toEqual(forward);
        expect(await page(sortBy, sortOrder, total, limit)).toEqual([]);
      });
    }
  }
});

describe('pagination of a filtered search', () => {
  const filter = 'search_by=transcript&search_value=menu&status=active';
  for (const plan of ['walk', 'set'] as const) {
    it(`gives each match exactly once on the ${plan} path, both ways`, async () => {
      const forced = createDemoApiFixture(0, { plan, conversations: fixture.conversations });
      try {
        const fetchPage = async (skip: number) => {
          const response = await forced.app.inject({
            method: 'GET',
            url: `/v1/conversations?${filter}&sort_by=sentiment_of_caller&skip=${skip}&limit=7`,
            headers: AUTH,
          });
          return {
            ids: (response.json() as Conversation[]).map((c) => c.id),
            total: Number(response.headers['x-total-count']),
          };
        };
        const { total } = await fetchPage(0);
        expect(total).toBeGreaterThan(14);
        const forward: string[] = [];
        for (let skip = 0; skip < total; skip += 7) forward.push(...(await fetchPage(skip)).ids);
        const backward: string[][] = [];
        for (let skip = Math.floor((total - 1) / 7) * 7; skip >= 0; skip -= 7) {
          backward.unshift((await fetchPage(skip)).ids);
        }
        expect(new Set(forward).size).toBe(total);
        expect(backward.flat()).toEqual(forward);
        const matches = fixture.conversations.filter(
          (c) =>
            c.status === 'active' &&
            transcriptMessages(c).some((m) => m.message?.toLowerCase().includes('menu')),
        );
        expect(new Set(forward)).toEqual(new Set(matches.map((c) => c.id)));
      } finally {
        await forced.close();
      }
    });
  }
});
