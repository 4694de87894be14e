import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchCallerCalls } from './get-caller-calls';

const indexPath = (id: string) =>
  `/api/calls?${new URLSearchParams({ prospect: id, sort_by: 'timestampStart', sort_order: 'desc', limit: '100' })}`;
const routePath = (id: string) => `/v1/prospects/${encodeURIComponent(id)}/conversations?limit=100`;

function stubFetch(routes: Record<string, [number, unknown]>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = String(input);
      asked.push(path);
      const [status, body] = routes[path] ?? [599, { detail: `no stub for ${path}` }];
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return asked;
}

const indexed = {
  id: 'c1',
  timestampStart: '2026-11-01T10:00:00Z',
  timestampEnd: '2026-11-01T10:02:00Z',
  durationSeconds: 120,
  callerName: 'Hari',
  callerPhone: '96260-12778',
  sentiment: 'positive',
  prospectStatus: 'SERVICE_ORDER_PLACED',
  consentGiven: true,
  summary: null,
  status: 'active',
  sourceType: 'PHONE',
  agentId: null,
  agentName: null,
};
const upstream = {
  id: 'c1',
  timestampStart: '2026-11-01T10:00:00',
  timestampEnd: '2026-11-01T10:02:00',
  conversationAnalytics: { sentiment_of_caller: 'positive', prospectStatus: 'NEW' },
};

afterEach(() => vi.unstubAllGlobals());

describe('fetchCallerCalls', () => {
  it('reads the caller’s calls from the index with the prospect filter', async () => {
    const asked = stubFetch({
      [indexPath('pro 1')]: [200, { items: [indexed], total: 1, facets: {} }],
    });
    await expect(fetchCallerCalls('pro 1')).resolves.toEqual([
      {
        id: 'c1',
        timestampStart: '2026-11-01T10:00:00Z',
        timestampEnd: '2026-11-01T10:02:00Z',
        durationSeconds: 120,
        callerName: 'Hari',
        callerPhone: '96260-12778',
        sentiment: 'positive',
        prospectStatus: 'SERVICE_ORDER_PLACED',
        consentGiven: true,
        summary: null,
        status: 'active',
        sourceType: 'PHONE',
        agentId: null,
        agentName: null,
      },
    ]);
    expect(asked).toEqual([indexPath('pro 1')]);
  });

  it.each([
    ['refuses the filter', 422, { detail: [{ loc: ['query', 'prospect'], msg: 'x', type: 'x' }] }],
    ['has no such route', 404, { detail: 'Not Found' }],
    ['holds none of their calls yet', 200, { items: [], total: 0, facets: {} }],
  ])('falls back to the prospect route when the index %s', async (_, status, body) => {
    const asked = stubFetch({
      [indexPath('pro.1')]: [status, body],
      [routePath('pro.1')]: [200, [upstream]],
    });
    await expect(fetchCallerCalls('pro.1')).resolves.toEqual([
      {
        id: 'c1',
        timestampStart: '2026-11-01T10:00:00',
        timestampEnd: '2026-11-01T10:02:00',
        durationSeconds: 120,
        sentiment: 'positive',
        prospectStatus: 'NEW',
      },
    ]);
    expect(asked).toEqual([indexPath('pro.1'), routePath('pro.1')]);
  });

  it('reports an index that fails for another reason, without hiding it', async () => {
    stubFetch({ [indexPath('pro.1')]: [500, { detail: 'Internal Server Error' }] });
    await expect(fetchCallerCalls('pro.1')).rejects.toThrow();
  });
});
