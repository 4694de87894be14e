import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';

let fixture: DemoApiFixture;
beforeAll(() => {
  fixture = createDemoApiFixture(60);
});
afterAll(() => fixture.close());

const put = (id: string, payload: string) =>
  fixture.app.inject({
    method: 'PUT',
    url: `/v1/conversations/${id}`,
    headers: { ...AUTH, 'content-type': 'application/json' },
    payload,
  });

describe('PUT /v1/conversations/{id}', () => {
  it('round-trips fields and admin comments', async () => {
    const id = fixture.conversations[5]!.id;
    const response = await put(
      id,
      JSON.stringify({
        status: 'archived',
        adminComments: [{ comment: 'good', rating: 5 }],
        conversationAnalytics: { sentiment_of_caller: 'negative' },
      }),
    );
    expect(response.statusCode).toBe(200);
    const read = (
      await fixture.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: AUTH })
    ).json() as Conversation;
    expect(read.status).toBe('archived');
    expect(read.adminComments).toEqual([{ comment: 'good', rating: 5 }]);
    expect(read.conversationAnalytics?.sentiment_of_caller).toBe('negative');
    expect(read.conversationAnalytics?.prospectStatus).toBe(
      fixture.conversations[5]!.conversationAnalytics?.prospectStatus,
    );
    expect(read.updatedBy).toBe('api');
    const search = await fixture.app.inject({
      method: 'GET',
      url: `/v1/conversations?search_by=id&search_value=${id}&status=archived`,
      headers: AUTH,
    });
    expect((search.json() as Conversation[]).map((c) => c.id)).toEqual([id]);
  });

  it.each([
    ['invalid JSON', '{"status": ', { type: 'json_invalid', loc: ['body', 0] }],
    ['a wrong type', '{"status": 5}', { type: 'string_type', loc: ['body', 'status'] }],
    [
      'a rating out of range',
      '{"adminComments": [{"comment": "x", "rating": 9}]}',
      { type: 'less_than_equal', loc: ['body', 'adminComments', 0, 'rating'] },
    ],
    [
      'an unknown key',
      '{"statuss": "active"}',
      { type: 'extra_forbidden', loc: ['body', 'statuss'] },
    ],
    [
      'a missing comment',
      '{"adminComments": [{"rating": 3}]}',
      { type: 'missing', loc: ['body', 'adminComments', 0, 'comment'] },
    ],
    ['an empty body', '', { type: 'missing', loc: ['body'] }],
  ])('refuses %s with a 422 and changes nothing', async (_name, payload, expected) => {
    const target = fixture.conversations[7]!;
    const before = (
      await fixture.app.inject({
        method: 'GET',
        url: `/v1/conversations/${target.id}`,
        headers: AUTH,
      })
    ).body;
    const response = await put(target.id, payload);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      detail: expect.arrayContaining([expect.objectContaining(expected)]),
    });
    const after = (
      await fixture.app.inject({
        method: 'GET',
        url: `/v1/conversations/${target.id}`,
        headers: AUTH,
      })
    ).body;
    expect(after).toBe(before);
  });

  it('answers 404 for an unknown id', async () => {
    const response = await put('con.0.missing', '{"status":"active"}');
    expect(response.statusCode).toBe(404);
  });

  it('keeps a row whole under concurrent updates', async () => {
    const id = fixture.conversations[9]!.id;
    const statuses = Array.from({ length: 40 }, (_, i) => `state-${i}`);
    const responses = await Promise.all(
      statuses.map((status) =>
        put(id, JSON.stringify({ status, adminComments: [{ comment: status, rating: 3 }] })),
      ),
    );
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    const final = fixture.store.get(id)!;
    expect(statuses).toContain(final.status);
    expect(final.adminComments).toEqual([{ comment: final.status, rating: 3 }]);
    const found = fixture.store.list({
      search_by: 'status',
      search_value: final.status!,
      sort_order: 'asc',
      skip: 0,
      limit: 10,
    });
    expect(found.items.map((c) => c.id)).toEqual([id]);
  });
});

describe('POST /v1/conversations', () => {
  it('creates a conversation with a server-assigned id', async () => {
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: { ...AUTH, 'content-type': 'application/json' },
      payload: JSON.stringify({
        timestampStart: '2026-01-01T10:00:00',
        timestampEnd: '2026-01-01T10:01:00',
        status: 'active',
        transcriptText: [],
      }),
    });
    expect(response.statusCode).toBe(200);
    const created = response.json() as Conversation;
    expect(created.id).toMatch(/^con\./);
    expect(fixture.store.get(created.id)?.timestampStart).toBe('2026-01-01T10:00:00');
  });
});
