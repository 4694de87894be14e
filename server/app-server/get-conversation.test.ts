import { afterEach, describe, expect, it } from 'vitest';
import { CONVERSATION_NOT_FOUND } from '../../contract';
import { sendJson, startStubServer, type StubServer } from '../upstream-fetch/testing/stub-server';
import { createUpstream } from './upstream';

let stub: StubServer | undefined;
afterEach(() => stub?.close());

const conversation = { id: 'con.1', timestampStart: '2024-11-11T10:00:00.000000' };

async function lookUp(id: string, handler: Parameters<typeof startStubServer>[0]) {
  stub = await startStubServer(handler);
  const upstream = createUpstream({ baseUrl: stub.origin, token: 't', timeoutMs: 5_000 });
  try {
    return await upstream.getConversation(id, new AbortController().signal);
  } finally {
    await upstream.close();
  }
}

describe('getConversation over a real socket', () => {
  it('falls back to search_by=id when GET by id is not a route', async () => {
    const found = await lookUp('con.1', (request, response) =>
      request.url.startsWith('/v1/conversations?')
        ? sendJson(response, 200, [{ ...conversation, id: 'con.10' }, conversation])
        : sendJson(response, 405, { detail: 'Method Not Allowed' }),
    );
    expect(found?.id).toBe('con.1');
    expect(stub!.seen.map((seen) => seen.url)).toEqual([
      '/v1/conversations/con.1',
      '/v1/conversations?search_by=id&search_value=con.1&limit=100',
    ]);
  });

  it('answers null for a known "not found" without asking the list', async () => {
    expect(
      await lookUp('con.2', (_request, response) =>
        sendJson(response, 404, { detail: CONVERSATION_NOT_FOUND }),
      ),
    ).toBeNull();
    expect(stub!.seen).toHaveLength(1);
  });

  it('says so when the list fallback is not an array', async () => {
    await expect(
      lookUp('con.3', (request, response) =>
        request.url.includes('?')
          ? sendJson(response, 200, { items: [] })
          : sendJson(response, 404, { detail: 'Not Found' }),
      ),
    ).rejects.toThrow('The Trata API sent a list that is not an array.');
  });
});
