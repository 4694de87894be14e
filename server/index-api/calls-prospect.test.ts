import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallList, Conversation } from '../../contract';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { createIndexFixture, type IndexFixture } from './testing/index-fixture';

let fixture: IndexFixture;
let conversations: Conversation[];
beforeAll(async () => {
  conversations = fixtureConversations(40, 3);
  fixture = await createIndexFixture(conversations);
});
afterAll(() => fixture.close());

const get = (query: string) => fixture.app.inject({ method: 'GET', url: `/api/calls?${query}` });

describe('GET /api/calls?prospect=', () => {
  it('lists exactly the calls of one caller, combined with the other filters', async () => {
    const prospectId = conversations.find((call) => call.prospectId)!.prospectId!;
    const expected = conversations
      .filter((call) => call.prospectId === prospectId)
      .map((call) => call.id)
      .sort();
    const response = await get(`prospect=${encodeURIComponent(prospectId)}&limit=100`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as CallList;
    expect(body.items.map((item) => item.id).sort()).toEqual(expected);
    expect(body.total).toBe(expected.length);

    const archived = await get(
      `prospect=${encodeURIComponent(prospectId)}&status=archived&limit=100`,
    );
    const onlyArchived = conversations.filter(
      (call) => call.prospectId === prospectId && call.status === 'archived',
    );
    expect((archived.json() as CallList).total).toBe(onlyArchived.length);
  });

  it('matches the id exactly, not as a substring', async () => {
    const prospectId = conversations.find((call) => call.prospectId)!.prospectId!;
    const response = await get(`prospect=${encodeURIComponent(prospectId.slice(0, -1))}`);
    expect((response.json() as CallList).total).toBe(0);
  });

  it.each(['prospect=', 'prospect=a%01b', `prospect=${'x'.repeat(201)}`, 'prospect=a&prospect=b'])(
    'refuses %s with a 422 naming the parameter',
    async (query) => {
      const response = await get(query);
      expect(response.statusCode).toBe(422);
      const body = response.json() as { detail: { loc: unknown[] }[] };
      expect(body.detail.map((problem) => problem.loc[1])).toEqual(['prospect']);
    },
  );
});
