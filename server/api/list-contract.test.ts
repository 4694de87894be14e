import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { AUTH, createDemoApiFixture, type DemoApiFixture } from './testing/demo-api-fixture';
import { referenceList } from './testing/reference-list';

let fixture: DemoApiFixture;
beforeAll(() => {
  fixture = createDemoApiFixture(250);
});
afterAll(() => fixture.close());

async function get(url: string, headers: Record<string, string> = AUTH) {
  const response = await fixture.app.inject({ method: 'GET', url, headers });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.json() as unknown,
  };
}
const ids = (body: unknown) => (body as Conversation[]).map((conversation) => conversation.id);

describe('GET /v1/conversations parameters', () => {
  it('returns a JSON array of 100 by default, with X-Total-Count', async () => {
    const { status, headers, body } = await get('/v1/conversations');
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect(ids(body)).toEqual(referenceList(fixture.conversations, {}).items.map((c) => c.id));
    expect((body as unknown[]).length).toBe(100);
    expect(headers['x-total-count']).toBe('250');
  });

  it.each([
    ['status', 'status=archived', { status: 'archived' }],
    ['limit and skip', 'skip=10&limit=5', { skip: 10, limit: 5 }],
    [
      'sort_by and sort_order',
      'sort_by=duration&sort_order=desc',
      { sort_by: 'duration', sort_order: 'desc' },
    ],
    ['sort_order alone', 'sort_order=desc&limit=20', { sort_order: 'desc', limit: 20 }],
    [
      'search by id',
      'search_by=id&search_value=CON.17900',
      { search_by: 'id', search_value: 'con.17900' },
    ],
    [
      'search by prospectId',
      'search_by=prospectId&search_value=.x3',
      { search_by: 'prospectId', search_value: '.x3' },
    ],
    [
      'search by aiAgentId',
      'search_by=aiAgentId&search_value=Beta',
      { search_by: 'aiAgentId', search_value: 'beta' },
    ],
    [
      'search by status',
      'search_by=status&search_value=ACTIVE',
      { search_by: 'status', search_value: 'active' },
    ],
    [
      'search by sourceType',
      'search_by=sourceType&search_value=phon',
      { search_by: 'sourceType', search_value: 'PHON' },
    ],
    [
      'search by name',
      'search_by=name_of_caller&search_value=sMiTh',
      { search_by: 'name_of_caller', search_value: 'smith' },
    ],
    [
      'search by accented name',
      'search_by=name_of_caller&search_value=%C3%89MILE',
      { search_by: 'name_of_caller', search_value: 'émile' },
    ],
    [
      'search by email',
      'search_by=email_address_of_caller&search_value=zo%C3%AB%40',
      { search_by: 'email_address_of_caller', search_value: 'zoë@' },
    ],
    [
      'search by phone digits',
      'search_by=phone_number_of_caller&search_value=(415)',
      { search_by: 'phone_number_of_caller', search_value: '415' },
    ],
    [
      'search by sentiment',
      'search_by=sentiment_of_caller&search_value=NEGative',
      { search_by: 'sentiment_of_caller', search_value: 'negative' },
    ],
    [
      'search by prospectStatus',
      'search_by=prospectStatus&search_value=callback',
      { search_by: 'prospectStatus', search_value: 'CALLBACK' },
    ],
    [
      'search by transcript',
      'search_by=transcript&search_value=Appoint',
      { search_by: 'transcript', search_value: 'appoint' },
    ],
    [
      'search by summary with an emoji',
      'search_by=summary&search_value=UT%20%F0%9F%99%82',
      { search_by: 'summary', search_value: 'ut 🙂' },
    ],
    [
      'search by right-to-left text',
      'search_by=transcript&search_value=%D7%A9%D7%9C%D7%95%D7%9D',
      { search_by: 'transcript', search_value: 'שלום' },
    ],
    [
      'search by summary',
      'search_by=summary&search_value=asked',
      { search_by: 'summary', search_value: 'asked' },
    ],
    [
      'search, status, sort and paging together',
      'search_by=transcript&search_value=menu&status=active&sort_by=name_of_caller&sort_order=desc&skip=3&limit=4',
      {
        search_by: 'transcript',
        search_value: 'menu',
        status: 'active',
        sort_by: 'name_of_caller',
        sort_order: 'desc',
        skip: 3,
        limit: 4,
      },
    ],
  ] as const)('applies %s', async (_name, query, reference) => {
    const { status, headers, body } = await get(`/v1/conversations?${query}`);
    expect(status).toBe(200);
    const expected = referenceList(fixture.conversations, reference);
    expect(ids(body)).toEqual(expected.items.map((c) => c.id));
    expect(headers['x-total-count']).toBe(String(expected.total));
    expect(expected.items.length).toBeGreaterThan(0);
  });

  it('answers a search that matches nothing with an empty page and a zero total', async () => {
    const { status, headers, body } = await get(
      '/v1/conversations?search_by=transcript&search_value=zqxjv',
    );
    expect(status).toBe(200);
    expect(body).toEqual([]);
    expect(headers['x-total-count']).toBe('0');
  });

  it('treats SQL and FTS syntax in a search value as plain text', async () => {
    const { status, body } = await get(
      `/v1/conversations?search_by=transcript&search_value=${encodeURIComponent('"; DROP TABLE conversations; -- OR *')}`,
    );
    expect(status).toBe(200);
    expect(body).toEqual([]);
    expect((await get('/v1/conversations?limit=1')).headers['x-total-count']).toBe('250');
  });
});

const issue = (type: string, loc: string[], extra: Record<string, unknown> = {}) =>
  expect.objectContaining({ type, loc, ...extra });

describe('422 in FastAPI shape', () => {
  it.each([
    [
      'limit above 100',
      'limit=200',
      {
        type: 'less_than_equal',
        loc: ['query', 'limit'],
        msg: 'Input should be less than or equal to 100',
        input: '200',
        ctx: { le: 100 },
      },
    ],
    [
      'limit below 1',
      'limit=0',
      {
        type: 'greater_than_equal',
        loc: ['query', 'limit'],
        msg: 'Input should be greater than or equal to 1',
        input: '0',
        ctx: { ge: 1 },
      },
    ],
    [
      'skip negative',
      'skip=-5',
      {
        type: 'greater_than_equal',
        loc: ['query', 'skip'],
        msg: 'Input should be greater than or equal to 0',
        input: '-5',
        ctx: { ge: 0 },
      },
    ],
    [
      'skip not a number',
      'skip=ten',
      {
        type: 'int_parsing',
        loc: ['query', 'skip'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'ten',
      },
    ],
    [
      'limit a float',
      'limit=1.5',
      {
        type: 'int_parsing',
        loc: ['query', 'limit'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: '1.5',
      },
    ],
    [
      'huge skip',
      'skip=99999999999999999999999',
      { type: 'less_than_equal', loc: ['query', 'skip'] },
    ],
    [
      'bad sort_order',
      'sort_order=up',
      {
        type: 'enum',
        loc: ['query', 'sort_order'],
        msg: "Input should be 'asc' or 'desc'",
        input: 'up',
        ctx: { expected: "'asc' or 'desc'" },
      },
    ],
    [
      'unknown sort_by',
      'sort_by=doc;DROP',
      { type: 'enum', loc: ['query', 'sort_by'], input: 'doc;DROP' },
    ],
    [
      'unknown search_by',
      'search_by=password&search_value=abc',
      { type: 'enum', loc: ['query', 'search_by'], input: 'password' },
    ],
    [
      'search_by alone',
      'search_by=transcript',
      { type: 'missing', loc: ['query', 'search_value'] },
    ],
    ['search_value alone', 'search_value=abc', { type: 'missing', loc: ['query', 'search_by'] }],
    [
      'a repeated parameter',
      'limit=5&limit=6',
      { type: 'multiple_values', loc: ['query', 'limit'] },
    ],
    [
      'a NUL byte',
      'status=act%00ive',
      { type: 'string_pattern_mismatch', loc: ['query', 'status'] },
    ],
    [
      'invalid UTF-8',
      'status=%C3%28',
      { type: 'string_unicode', loc: ['query', 'status'], input: '%C3%28' },
    ],
    [
      'a 100 KB search value',
      `search_by=transcript&search_value=${'a'.repeat(100_000)}`,
      { type: 'string_too_long', loc: ['query', 'search_value'], ctx: { max_length: 500 } },
    ],
    [
      'a too short search value',
      'search_by=transcript&search_value=ab',
      { type: 'string_too_short', loc: ['query', 'search_value'], ctx: { min_length: 3 } },
    ],
    [
      'a phone search without digits',
      'search_by=phone_number_of_caller&search_value=abc',
      { type: 'string_too_short', loc: ['query', 'search_value'] },
    ],
  ])('%s', async (_name, query, expected) => {
    const { status, body } = await get(`/v1/conversations?${query}`);
    expect(status).toBe(422);
    expect(body).toEqual({ detail: [expect.objectContaining(expected)] });
  });

  it('lists every problem at once', async () => {
    const { status, body } = await get('/v1/conversations?limit=200&skip=-1&sort_order=up');
    expect(status).toBe(422);
    expect((body as { detail: unknown[] }).detail).toEqual([
      issue('enum', ['query', 'sort_order']),
      issue('greater_than_equal', ['query', 'skip']),
      issue('less_than_equal', ['query', 'limit']),
    ]);
  });
});

describe('auth and routes', () => {
  it.each([
    ['missing', {}, 'Not authenticated'],
    ['malformed', { authorization: 'Basic abc' }, 'Not authenticated'],
    ['empty bearer', { authorization: 'Bearer ' }, 'Not authenticated'],
    ['wrong token', { authorization: 'Bearer wrong-token' }, 'Invalid authentication credentials'],
  ])('refuses a %s token with 401', async (_name, headers, detail) => {
    const { status, headers: responseHeaders, body } = await get('/v1/conversations', headers);
    expect(status).toBe(401);
    expect(responseHeaders['www-authenticate']).toBe('Bearer');
    expect(body).toEqual({ detail });
  });

  it('answers an unknown id with 404', async () => {
    const { status, body } = await get('/v1/conversations/con.0.nothing');
    expect(status).toBe(404);
    expect(body).toEqual({ detail: 'Conversation not found' });
  });

  it("returns one conversation by id, and a prospect's conversations", async () => {
    const target = fixture.conversations[42]!;
    expect((await get(`/v1/conversations/${target.id}`)).body).toEqual(target);
    const { body, headers } = await get(`/v1/prospects/${target.prospectId}/conversations`);
    expect(ids(body)).toContain(target.id);
    const expected = fixture.conversations.filter((c) => c.prospectId === target.prospectId);
    expect(headers['x-total-count']).toBe(String(expected.length));
  });

  it('answers an unknown route with 404', async () => {
    expect((await get('/v1/nothing')).status).toBe(404);
  });
});
