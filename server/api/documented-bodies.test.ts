import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationSchema, type Conversation } from '../../contract';
import {
  DOCUMENTED_CREATE_EXAMPLE,
  documentedUpdateExample,
} from '../../scripts/contract-suite/documented-examples';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';

let fixture: DemoApiFixture;
beforeAll(() => {
  fixture = createDemoApiFixture(20);
});
afterAll(() => fixture.close());

const send = (method: 'PUT' | 'POST', url: string, body: unknown) =>
  fixture.app.inject({
    method,
    url,
    headers: { ...AUTH, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
const read = async (id: string) =>
  (
    await fixture.app.inject({
      method: 'GET',
      url: `/v1/conversations/${encodeURIComponent(id)}`,
      headers: AUTH,
    })
  ).json() as Conversation;

describe("the reference's documented request bodies", () => {
  it('POST takes the create example: agentId is stored as aiAgentId, the string transcript kept', async () => {
    const response = await send('POST', '/v1/conversations', DOCUMENTED_CREATE_EXAMPLE);
    expect(response.statusCode).toBe(200);
    const created = response.json() as Conversation;
    expect(created).not.toHaveProperty('agentId');
    const stored = await read(created.id);
    expect(stored.aiAgentId).toBe(DOCUMENTED_CREATE_EXAMPLE.agentId);
    expect(stored.transcriptText).toBe(DOCUMENTED_CREATE_EXAMPLE.transcriptText);
    expect(stored.timestampStart).toBe(DOCUMENTED_CREATE_EXAMPLE.timestampStart);
    expect(conversationSchema.safeParse(stored).success).toBe(true);
  });

  it('PUT takes the update example: source and zoned timestamps, which sort and measure', async () => {
    const id = fixture.conversations[2]!.id;
    const body = documentedUpdateExample({
      source: '35.191.28.74',
      timestampStart: '2023-11-07T05:31:56Z',
      timestampEnd: '2023-11-07T07:31:56+02:00',
    });
    const response = await send('PUT', `/v1/conversations/${id}`, body);
    expect(response.statusCode).toBe(200);
    expect(await read(id)).toMatchObject(body);
    const sorted = await fixture.app.inject({
      method: 'GET',
      url: '/v1/conversations?sort_by=timestampStart&limit=1',
      headers: AUTH,
    });
    expect((sorted.json() as Conversation[])[0]!.id).toBe(id);
    const longest = await fixture.app.inject({
      method: 'GET',
      url: `/v1/conversations?search_by=id&search_value=${id}&sort_by=duration`,
      headers: AUTH,
    });
    expect(longest.statusCode).toBe(200);
  });

  it.each([
    ['source', { source: '10.1.2.3' }],
    ['sourceType', { sourceType: 'PHONE' }],
    ['agentId', { agentId: 'aia.1.changed' }],
    ['transcriptText as messages', { transcriptText: [{ speaker: 'AI', message: 'Hi' }] }],
    ['transcriptText as a string', { transcriptText: 'https://example.com/t.json' }],
    ['transcriptSummary', { transcriptSummary: 'New summary' }],
    ['transcriptRecordingUrl', { transcriptRecordingUrl: 'https://example.com/r.mp3' }],
    ['zoneless timestamps', { timestampStart: '2024-11-11T05:06:20.733912' }],
    ['conversationAnalytics', { conversationAnalytics: { prospectStatus: 'NOT_INTERESTED' } }],
    ['adminComments', { adminComments: [{ comment: 'good', rating: 5 }] }],
  ])('PUT updates %s alone', async (_name, body) => {
    const id = fixture.conversations[7]!.id;
    const response = await send('PUT', `/v1/conversations/${id}`, body);
    expect(response.statusCode).toBe(200);
    const stored = await read(id);
    const { agentId, ...rest } = body as Record<string, unknown>;
    expect(stored).toMatchObject(rest);
    if (agentId) expect(stored.aiAgentId).toBe(agentId);
  });

  it('a string transcriptText round-trips through PUT and a search still answers', async () => {
    const id = fixture.conversations[9]!.id;
    expect(
      (await send('PUT', `/v1/conversations/${id}`, { transcriptText: 'ref:abc' })).statusCode,
    ).toBe(200);
    expect((await read(id)).transcriptText).toBe('ref:abc');
    const search = await fixture.app.inject({
      method: 'GET',
      url: '/v1/conversations?search_by=transcript&search_value=ref:abc',
      headers: AUTH,
    });
    // The reference is not the transcript's text, so it is not searched as if it were.
    expect((search.json() as Conversation[]).map((c) => c.id)).not.toContain(id);
  });

  it.each([
    ['a bad timestamp', { timestampStart: 'yesterday' }, ['body', 'timestampStart']],
    ['a number as transcriptText', { transcriptText: 5 }, ['body', 'transcriptText']],
    ['an unknown key', { agent: 'x' }, ['body', 'agent']],
  ])('PUT refuses %s with a 422 naming it', async (_name, body, loc) => {
    const response = await send('PUT', `/v1/conversations/${fixture.conversations[1]!.id}`, body);
    expect(response.statusCode).toBe(422);
    const detail = (response.json() as { detail: { loc: unknown[] }[] }).detail;
    expect(detail.map((issue) => issue.loc)).toContainEqual(loc);
  });
});
