import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_BY_FIELDS, SORT_ORDERS, type Conversation } from '../../contract';
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
