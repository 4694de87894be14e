import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closedPort,
  sendJson,
  startStubServer,
  type StubServer,
} from '../upstream-fetch/testing/stub-server';
import { registerForwardRoutes } from './forward-routes';
import { createUpstream, type UpstreamOptions } from './upstream';

const TOKEN = 'forward-test-token-9f3a';
let stub: StubServer | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  await stub?.close();
  app = undefined;
  stub = undefined;
});

async function appFor(options: Partial<UpstreamOptions> & { baseUrl: string }) {
  const upstream = createUpstream({ token: TOKEN, timeoutMs: 5_000, ...options });
  app = Fastify();
  registerForwardRoutes(app, upstream);
  app.addHook('onClose', () => upstream.close());
  await app.ready();
  return app;
}

async function withStub(handler?: Parameters<typeof startStubServer>[0]) {
  stub = await startStubServer(handler);
  return appFor({ baseUrl: stub.origin });
}

describe('forwarding /v1 to the upstream', () => {
  it('passes the query string through byte for byte and adds only the server-held token', async () => {
    const server = await withStub((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '42' });
      response.end('[{"id":"a"}]');
    });
    const query = '?search_by=name_of_caller&search_value=J%C3%BCrgen+M&limit=5&limit=6&x=%ZZ&e=';
    const response = await server.inject({
      url: `/v1/conversations${query}`,
      headers: { authorization: 'Bearer browser-supplied', cookie: 'callscope_session=abc' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ id: 'a' }]);
    expect(response.headers['x-total-count']).toBe('42');
    expect(stub!.seen).toHaveLength(1);
    const seen = stub!.seen[0]!;
    expect(seen.url).toBe(`/v1/conversations${query}`);
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen.headers.cookie).toBeUndefined();
  });

  it('answers 404 for every undocumented route or method without reaching the upstream', async () => {
    const server = await withStub();
    const attempts: [string, string][] = [
      ['DELETE', '/v1/conversations/abc'],
      ['PATCH', '/v1/conversations/abc'],
      ['PUT', '/v1/conversations'],
      ['POST', '/v1/prospects/p1/conversations'],
      ['GET', '/v1/admin/users'],
      ['GET', '/v1/conversations/abc/recording'],
      ['GET', '/v1/conversations/%2E%2E'],
      ['GET', '/v1/conversations/..'],
      ['DELETE', '/v1/prospects/p1'],
      ['PATCH', '/v1/prospects/p1'],
      ['PUT', '/v1/prospects'],
      ['GET', '/v1/prospects'],
      ['GET', '/v1/prospects/..'],
      ['GET', '/v1/prospects/p1/calls'],
      ['GET', '/v1'],
      ['GET', '/v1/'],
      ['OPTIONS', '/v1/conversations'],
    ];
    for (const [method, url] of attempts) {
      const response = await server.inject({
        method: method as 'GET',
        url,
        headers: { 'content-type': 'application/json' },
        payload: method === 'GET' || method === 'OPTIONS' ? undefined : '{}',
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json()).toEqual({ detail: 'Not Found' });
    }
    expect(stub!.seen).toEqual([]);
  });

  it('forwards the documented prospect routes with the token and the body as received', async () => {
    const server = await withStub((request, response) =>
      sendJson(response, 200, { id: 'pro.1', echoed: request.body }),
    );
    const body = '{"status":"NOT_INTERESTED"}';
    const json = { 'content-type': 'application/json', authorization: 'Bearer browser-supplied' };
    const answers = [
      await server.inject({ url: '/v1/prospects/pro.1?x=1' }),
      await server.inject({
        method: 'PUT',
        url: '/v1/prospects/pro.1',
        headers: json,
        payload: body,
      }),
      await server.inject({ method: 'POST', url: '/v1/prospects', headers: json, payload: body }),
      await server.inject({ url: '/v1/prospects/pro.1/conversations?limit=5' }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
    expect(stub!.seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', '/v1/prospects/pro.1?x=1', ''],
      ['PUT', '/v1/prospects/pro.1', body],
      ['POST', '/v1/prospects', body],
      ['GET', '/v1/prospects/pro.1/conversations?limit=5', ''],
    ]);
    for (const seen of stub!.seen) expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('re-encodes path ids and never forwards one with an encoded slash', async () => {
    const server = await withStub((_request, response) => sendJson(response, 200, { id: 'x' }));
    const slash = await server.inject({ url: '/v1/conversations/a%2F..%2Fadmin?x=1' });
    expect(slash.statusCode).toBe(404);
    await server.inject({ url: '/v1/prospects/pro.1%20b/conversations' });
    expect(stub!.seen.map((request) => request.url)).toEqual([
      '/v1/prospects/pro.1%20b/conversations',
    ]);
  });

  it('sends PUT and POST bodies as received and refuses bodies that are not JSON', async () => {
    const server = await withStub((request, response) =>
      sendJson(response, 200, { echoed: request.body }),
    );
    const raw = '{"adminComments":[{"comment":"good","rating":5}],  "extra":1}';
    const put = await server.inject({
      method: 'PUT',
      url: '/v1/conversations/c1',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: raw,
    });
    expect(put.statusCode).toBe(200);
    expect(stub!.seen[0]).toMatchObject({ method: 'PUT', url: '/v1/conversations/c1', body: raw });
    expect(stub!.seen[0]!.headers['content-type']).toBe('application/json');

    const textPlain = await server.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: { 'content-type': 'text/plain' },
      payload: '{"id":"x"}',
    });
    expect(textPlain.statusCode).toBe(415);
    const noType = await server.inject({ method: 'POST', url: '/v1/conversations' });
    expect(noType.statusCode).toBe(415);
    expect(stub!.seen).toHaveLength(1);
  });

  it("passes the upstream's 4xx bodies through", async () => {
    const issues = {
      detail: [
        {
          type: 'less_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be less than or equal to 100',
          input: '200',
          ctx: { le: 100 },
        },
      ],
    };
    const server = await withStub((request, response) =>
      request.url.includes('limit')
        ? sendJson(response, 422, issues)
        : sendJson(response, 401, { detail: 'Not authenticated' }),
    );
    const invalid = await server.inject({ url: '/v1/conversations?limit=200' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toEqual(issues);
    const refused = await server.inject({ url: '/v1/conversations' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('maps 5xx, redirects, invalid JSON and HTML error pages to clear JSON errors', async () => {
    const server = await withStub((request, response) => {
      if (request.url.includes('five')) return sendJson(response, 500, { detail: 'boom' });
      if (request.url.includes('redirect')) {
        response.writeHead(302, { location: 'http://169.254.169.254/' });
        return void response.end();
      }
      if (request.url.includes('html')) {
        response.writeHead(404, { 'content-type': 'text/html' });
        return void response.end('<script>alert(1)</script>');
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('[{"id": "trunc');
    });
    const cases: [string, number, RegExp][] = [
      ['/v1/conversations?five', 502, /internal error \(500\)/],
      ['/v1/conversations?redirect', 502, /redirect \(302\)/],
      ['/v1/conversations?html', 404, /answered 404/],
      ['/v1/conversations?invalid', 502, /not valid JSON/],
    ];
    for (const [url, status, detail] of cases) {
      const response = await server.inject({ url });
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json<{ detail: string }>().detail).toMatch(detail);
      expect(response.body).not.toContain('<script>');
      expect(response.body).not.toMatch(/\sat \S+ \(|\.ts:\d+/);
    }
  });

  it('answers 504 when the upstream is slower than the total timeout', async () => {
    stub = await startStubServer(() => undefined);
    const server = await appFor({ baseUrl: stub.origin, timeoutMs: 300 });
    const response = await server.inject({ url: '/v1/conversations' });
    expect(response.statusCode).toBe(504);
    expect(response.json()).toEqual({ detail: 'The Trata API did not answer within 0.3 s.' });
  });

  it('answers 504 when the connection is not made within the connect timeout', async () => {
    const server = await appFor({
      baseUrl: 'http://upstream.invalid:8080',
      connectTimeoutMs: 200,
      // A resolver that never answers stands in for a host that drops SYN packets.
      lookup: () => undefined,
    });
    const response = await server.inject({ url: '/v1/conversations' });
    expect(response.statusCode).toBe(504);
    expect(response.json()).toEqual({
      detail: 'The Trata API did not accept a connection within 0.2 s.',
    });
  });

  it('answers 502 with the reason when the upstream is down', async () => {
    const server = await appFor({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const response = await server.inject({ url: '/v1/conversations' });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({
      detail: 'The Trata API could not be reached (ECONNREFUSED).',
    });
  });

  it('refuses an upstream body larger than the cap', async () => {
    stub = await startStubServer((_request, response) =>
      sendJson(response, 200, [{ id: 'x'.repeat(5_000) }]),
    );
    const server = await appFor({ baseUrl: stub.origin, maxBodyBytes: 1_000 });
    const response = await server.inject({ url: '/v1/conversations' });
    expect(response.statusCode).toBe(502);
    expect(response.json<{ detail: string }>().detail).toMatch(/larger than the server accepts/);
  });

  it('aborts the upstream request when the browser disconnects', async () => {
    const server = await withStub(() => undefined);
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as AddressInfo;
    const browser = new AbortController();
    const pending = fetch(`http://127.0.0.1:${port}/v1/conversations`, {
      signal: browser.signal,
    }).catch(() => 'aborted');
    await expect.poll(() => stub!.seen.length).toBe(1);
    browser.abort();
    expect(await pending).toBe('aborted');
    await expect.poll(() => stub!.abandoned.length).toBe(1);
  });
});
