import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { generateConversations, SEED_EXAMPLE_ID } from '../demo-data/generate';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';

let fixture: DemoApiFixture;
beforeAll(() => {
  const conversations = [
    ...generateConversations({
      count: 40,
      seed: 7,
      now: new Date('2026-11-01T12:00:00Z'),
      recordingOrigin: 'http://127.0.0.1:1',
    }),
  ];
  fixture = createDemoApiFixture(0, { conversations });
});
afterAll(() => fixture.close());

describe('the demo data through the API', () => {
  it("finds the seed's conversation by the phone number the caller said in fragments", async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/v1/conversations?search_by=phone_number_of_caller&search_value=962-601-2778',
      headers: AUTH,
    });
    expect(response.statusCode).toBe(200);
    expect((response.json() as Conversation[]).map((c) => c.id)).toContain(SEED_EXAMPLE_ID);
  });

  it('returns every generated conversation exactly as stored', async () => {
    for (const conversation of fixture.conversations.slice(0, 10)) {
      const response = await fixture.app.inject({
        method: 'GET',
        url: `/v1/conversations/${encodeURIComponent(conversation.id)}`,
        headers: AUTH,
      });
      expect(response.json()).toEqual(conversation);
    }
  });
});
