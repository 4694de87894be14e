import { sendIfDatabaseUnavailable } from './database-unavailable';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isValidResourceId } from '../../contract';
import { HttpProblem } from '../api/fastapi-errors';
import { decodeJsonBody } from '../api/json-body';
import { isJsonBody, tryJson } from './json-answer';
import { UpstreamError, type Upstream, type UpstreamReply } from './upstream';

/**
 * The routes and methods the contract documents. Everything else under /v1 is a 404 that never
 * reaches the upstream, so the server-held token cannot be aimed at undocumented endpoints.
 */
const FORWARDED_ROUTES = [
  { method: 'GET', url: '/v1/conversations' },
  { method: 'POST', url: '/v1/conversations' },
  { method: 'GET', url: '/v1/conversations/:id' },
  { method: 'PUT', url: '/v1/conversations/:id' },
  { method: 'GET', url: '/v1/prospects/:id/conversations' },
  { method: 'GET', url: '/v1/prospects/:id' },
  { method: 'PUT', url: '/v1/prospects/:id' },
  { method: 'POST', url: '/v1/prospects' },
] as const;

/** Response headers of the upstream that the browser may see. */
const RELAYED_HEADERS = ['x-total-count', 'etag', 'cache-control', 'retry-after'] as const;
const JSON_TYPE = 'application/json; charset=utf-8';
const NOT_FOUND = { detail: 'Not Found' };

/**
 * Forwards the browser's documented `/v1` requests to the upstream with the server-held token.
 * The browser's own Authorization and cookies are never passed on, the query string goes through
 * exactly as it was sent, and request bodies go through as received (the upstream validates them).
 */
export function registerForwardRoutes(app: FastifyInstance, upstream: Upstream): void {
  void app.register(async (scope) => {
    // Bodies stay text: the upstream judges them, so its own 422 reaches the browser. Only
    // what no JSON parser should meet (invalid UTF-8, runaway nesting) is refused here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer' },
      (_request, body, done) => {
        try {
          done(null, decodeJsonBody(body as Buffer));
        } catch (error) {
          done(error as HttpProblem);
        }
      },
    );
    scope.setErrorHandler((error: { statusCode?: number }, request, reply) => {
      if (error instanceof HttpProblem) return reply.code(error.statusCode).send(error.body);
      if (sendIfDatabaseUnavailable(error, request, reply)) return reply;
      const status = error.statusCode ?? 500;
      if (status === 415)
        return reply.code(415).send({ detail: 'Send the body as application/json.' });
      if (status === 413) return reply.code(413).send({ detail: 'Request body too large' });
      if (status >= 400 && status < 500) return reply.code(status).send({ detail: 'Bad request' });
      request.log.error(error);
      return reply.code(500).send({ detail: 'Internal Server Error' });
    });

    for (const route of FORWARDED_ROUTES) {
      scope.route({
        method: route.method,
        url: route.url,
        handler: (request, reply) => forward(upstream, request, reply, route),
      });
    }
    scope.all('/v1/*', (_request, reply) => reply.code(404).send(NOT_FOUND));
    scope.all('/v1', (_request, reply) => reply.code(404).send(NOT_FOUND));
  });
}

type ForwardedRoute = (typeof FORWARDED_ROUTES)[number];

async function forward(
  upstream: Upstream,
  request: FastifyRequest,
  reply: FastifyReply,
  route: ForwardedRoute,
) {
  const target = upstreamPath(request);
  if (target === null) return reply.code(404).send(NOT_FOUND);
  const writes = request.method === 'PUT' || request.method === 'POST';
  if (writes && !isJsonContentType(request.headers['content-type'])) {
    return reply.code(415).send({ detail: 'Send the body as application/json.' });
  }

  // A browser that goes away must not keep upstream work running.
  const controller = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) controller.abort();
  };
  reply.raw.once('close', onClose);
  try {
    const answer = await upstream.request(target, {
      method: writes ? (request.method as 'PUT' | 'POST') : 'GET',
      body: writes ? (typeof request.body === 'string' ? request.body : '') : undefined,
      contentType: writes ? 'application/json' : undefined,
      signal: controller.signal,
    });
    return relay(answer, request, reply, route);
  } catch (error) {
    if (controller.signal.aborted) return reply;
    if (error instanceof UpstreamError) {
      request.log.warn({ status: error.statusCode }, error.message);
      return reply.code(error.statusCode).type(JSON_TYPE).send({ detail: error.message });
    }
    throw error;
  } finally {
    reply.raw.off('close', onClose);
  }
}

/**
 * The upstream path: ids must follow the contract's id rule (no `/`, `..` or control characters)
 * and are re-encoded from their decoded form, and the query string is kept byte for byte.
 */
function upstreamPath(request: FastifyRequest): string | null {
  const { id } = request.params as { id?: string };
  const queryStart = request.url.indexOf('?');
  const query = queryStart === -1 ? '' : request.url.slice(queryStart);
  const template = request.routeOptions.url ?? '';
  if (id === undefined) return `${template}${query}`;
  if (!isValidResourceId(id)) return null;
  return `${template.replace(':id', encodeURIComponent(id))}${query}`;
}

function relay(
  answer: UpstreamReply,
  request: FastifyRequest,
  reply: FastifyReply,
  route: ForwardedRoute,
) {
  const { status } = answer;
  if (status >= 300 && status < 400) {
    return failure(
      request,
      reply,
      502,
      `The Trata API answered with a redirect (${status}), which is not followed.`,
    );
  }
  const words = status === 507 ? detailOf(tryJson(answer.body)) : null;
  // A full or read-only disk upstream is told as it is: the reason, not "an internal error".
  if (words) return reply.code(507).type(JSON_TYPE).send({ detail: words });
  if (status >= 500) {
    return failure(request, reply, 502, `The Trata API failed with an internal error (${status}).`);
  }
  if (status >= 400 && (answer.bytes.length === 0 || tryJson(answer.body) === undefined)) {
    // A proxy's HTML error page is not shown under our origin; its status is enough.
    return reply
      .code(status)
      .type(JSON_TYPE)
      .send({ detail: `The Trata API answered ${status}.` });
  }
  if (status < 400 && status !== 204 && !isJsonBody(answer, isListRoute(route))) {
    return failure(request, reply, 502, 'The Trata API sent a response that is not valid JSON.');
  }
  for (const name of RELAYED_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) reply.header(name, value);
  }
  if (status === 204) return reply.code(204).send();
  // The bytes as received: a 0.5 MB page is never decoded, parsed or encoded again here.
  return reply.code(status).type(JSON_TYPE).send(answer.bytes);
}

function detailOf(body: unknown): string | null {
  const detail = (body as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' && detail.length <= 500 ? detail : null;
}

function failure(request: FastifyRequest, reply: FastifyReply, status: 502 | 504, detail: string) {
  request.log.warn({ status }, detail);
  return reply.code(status).type(JSON_TYPE).send({ detail });
}

const isListRoute = (route: ForwardedRoute) =>
  route.method === 'GET' && route.url !== '/v1/conversations/:id';

function isJsonContentType(value: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(value ?? '');
}
