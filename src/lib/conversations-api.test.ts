import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import {
  fetchConversation,
  fetchConversationFromApi,
  fetchConversationList,
} from './conversations-api';
import { DEFAULT_LIST_PARAMS } from './list-params';

const call = (id: string) => ({
  id,
  timestampStart: '2024-11-11T05:06:20.733912',
  transcriptText: [],
});

/** A stubbed fetch answering each path from `routes`, recording what was asked. */
function stubFetch(routes: Record<string, [number, unknown]>) {
  const asked: string[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL) => {
    const path = String(input);
    asked.push(path);
    const [status, body] = routes[path] ?? [599, { detail: `no stub for ${path}` }];
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return asked;
}

const byId = (id: string) => `/v1/conversations/${encodeURIComponent(id)}`;
const search = (id: string) =>
  `/v1/conversations?${new URLSearchParams({ search_by: 'id', search_value: id, limit: '100' })}`;

afterEach(() => vi.unstubAllGlobals());

const fromIndex = (id: string) => `/api/calls/${encodeURIComponent(id)}`;
const notIndexed = [404, { detail: 'Conversation not found' }] as [number, unknown];

describe('fetchConversation', () => {
  it("reads the call from Callscope's index, and nothing else, when the index has it", async () => {
    const asked = stubFetch({ [fromIndex('con.1')]: [200, call('con.1')] });
    await expect(fetchConversation('con.1')).resolves.toMatchObject({ id: 'con.1' });
    expect(asked).toEqual([fromIndex('con.1')]);
  });

  it('asks the API only when the index does not hold the call', async () => {
    const asked = stubFetch({
      [fromIndex('con.1')]: notIndexed,
      [byId('con.1')]: [200, call('con.1')],
    });
    await expect(fetchConversation('con.1')).resolves.toMatchObject({ id: 'con.1' });
    expect(asked).toEqual([fromIndex('con.1'), byId('con.1')]);
  });

  it('says the API is unreachable, without a second try, when the index cannot answer either', async () => {
    const asked = stubFetch({
      [fromIndex('con.1')]: [502, { detail: 'The Trata API could not be reached (ECONNREFUSED).' }],
    });
    await expect(fetchConversation('con.1')).rejects.toMatchObject({
      kind: 'upstream',
      message: 'The Trata API could not be reached (ECONNREFUSED).',
    });
    expect(asked).toEqual([fromIndex('con.1')]);
  });

  it('checks what the index sends against the contract', async () => {
    stubFetch({ [fromIndex('con.1')]: [200, { id: 'con.1', transcriptText: 7 }] });
    await expect(fetchConversation('con.1')).rejects.toMatchObject({
      kind: 'upstream',
      message: expect.stringContaining('transcriptText'),
    });
  });

  it('escapes the id in the path', async () => {
    const asked = stubFetch({ [fromIndex('a/b?c')]: [200, call('a/b?c')] });
    await fetchConversation('a/b?c');
    expect(asked[0]).toBe('/api/calls/a%2Fb%3Fc');
  });
});

describe('fetchConversationFromApi', () => {
  it('reads GET /v1/conversations/{id} when the upstream has it', async () => {
    const asked = stubFetch({ [byId('con.1')]: [200, call('con.1')] });
    await expect(fetchConversationFromApi('con.1')).resolves.toMatchObject({ id: 'con.1' });
    expect(asked).toEqual([byId('con.1')]);
  });

  it.each([
    [405, { detail: 'Method Not Allowed' }],
    [404, { detail: 'Not Found' }],
  ])('falls back to the list with search_by=id when the route answers %s', async (status, body) => {
    const asked = stubFetch({
      [byId('con.1')]: [status, body],
      // Substring search also returns con.10; only the exact id is the call.
      [search('con.1')]: [200, [call('con.10'), call('con.1')]],
    });
    await expect(fetchConversationFromApi('con.1')).resolves.toMatchObject({ id: 'con.1' });
    expect(asked).toEqual([byId('con.1'), search('con.1')]);
  });

  it('trusts a real "Conversation not found" and does not search', async () => {
    const asked = stubFetch({ [byId('con.9')]: [404, { detail: 'Conversation not found' }] });
    const error = await fetchConversationFromApi('con.9').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('not-found');
    expect(asked).toHaveLength(1);
  });

  it('is not found when the fallback list has no exact match', async () => {
    stubFetch({
      [byId('con.1')]: [405, { detail: 'Method Not Allowed' }],
      [search('con.1')]: [200, [call('con.10')]],
    });
    await expect(fetchConversationFromApi('con.1')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('does not fall back on a server error', async () => {
    const asked = stubFetch({ [byId('con.1')]: [500, { detail: 'boom' }] });
    await expect(fetchConversationFromApi('con.1')).rejects.toMatchObject({ kind: 'server' });
    expect(asked).toHaveLength(1);
  });

  it('refuses a call that breaks the contract, saying where', async () => {
    stubFetch({ [byId('con.1')]: [200, { id: 'con.1', timestampStart: 'yesterday' }] });
    await expect(fetchConversationFromApi('con.1')).rejects.toMatchObject({
      kind: 'upstream',
      message: expect.stringContaining('timestampStart'),
    });
  });

  it('escapes the id in the path', async () => {
    const asked = stubFetch({ [byId('a/b?c')]: [200, call('a/b?c')] });
    await fetchConversationFromApi('a/b?c');
    expect(asked[0]).toBe('/v1/conversations/a%2Fb%3Fc');
  });
});

describe('fetchConversationList', () => {
  const item = (id: string) => ({
    id,
    timestampStart: '2026-11-20T10:00:00Z',
    timestampEnd: null,
    durationSeconds: 125,
    callerName: 'Ana',
    callerPhone: null,
    sentiment: 'negative',
    prospectStatus: null,
    consentGiven: true,
    summary: null,
    status: 'active',
    sourceType: 'PHONE',
    agentId: 'ag-1',
    agentName: 'Front desk',
  });
  const facets = {
    sentiment: { negative: 1 },
    outcome: {},
    consent: { given: 1, missing: 0 },
    agent: [{ id: 'ag-1', name: 'Front desk', count: 1 }],
  };
  const params = {
    ...DEFAULT_LIST_PARAMS,
    q: 'wings',
    sentiment: ['negative' as const],
    agent: ['ag-1', 'ag-2'],
  };
  const path = `/api/calls?${new URLSearchParams([
    ['q', 'wings'],
    ['sentiment', 'negative'],
    ['agent', 'ag-1'],
    ['agent', 'ag-2'],
    ['sort_by', 'timestampStart'],
    ['sort_order', 'desc'],
    ['skip', '0'],
    ['limit', '25'],
  ])}`;

  it('reads the index with every filter, and keeps total and facets', async () => {
    const asked = stubFetch({ [path]: [200, { items: [item('c1')], total: 41, facets }] });
    const page = await fetchConversationList(params);
    expect(asked).toEqual([path]);
    expect(page.total).toBe(41);
    expect(page.facets).toEqual(facets);
    expect(page.rows).toEqual([{ kind: 'ok', conversation: item('c1') }]);
  });

  it('marks a row that breaks the schema, and drops facets that do', async () => {
    stubFetch({
      [path]: [200, { items: [{ ...item('c2'), durationSeconds: 'long' }], total: 1, facets: {} }],
    });
    const page = await fetchConversationList(params);
    expect(page.facets).toBeNull();
    expect(page.rows[0]).toMatchObject({ kind: 'invalid', id: 'c2' });
  });

  it('refuses a page that is not the list’s shape, in words', async () => {
    stubFetch({ [path]: [200, [item('c1')]] });
    await expect(fetchConversationList(params)).rejects.toThrow(/unexpected shape/);
  });
});
