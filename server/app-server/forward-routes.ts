import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UpstreamError, type Upstream } from './upstream';

/** Response headers of the upstream that the browser may see. */
const RELAYED_HEADERS = ['content-type', 'x-total-count', 'etag', 'cache-control'] as const;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Forwards the browser's `/v1/*` requests to the upstream with the server-held token. The
 * browser's own Authorization and cookies are never passed on, and the query string goes through
 * as it was sent.
 */
export function registerForwardRoutes(app: FastifyInstance, upstream: Upstream): void {
  app.route({
    method: ['GET', 'PUT', 'POST'],
    url: '/v1/*',
    handler: (request, reply) => forward(upstream, request, reply),
  });
}

async function forward(upstream: Upstream, request: FastifyRequest, reply: FastifyReply) {
  const controller = new AbortController();
  // A client that goes away must not keep upstream work running.
  const abortOnClose = () => {
    if (!reply.raw.writableEnded) controller.abort();
  };
  request.raw.once('close', abortOnClose);
  try {
    const response = await upstream.request(request.url, {
      method: request.method,
      body: request.method === 'GET' ? undefined : serializeBody(request.body),
      contentType: request.method === 'GET' ? undefined : 'application/json',
      signal: controller.signal,
    });
    const body = await readLimited(response);
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('json') && !isJson(body)) {
      throw new UpstreamError(502, 'The Trata API sent a response that is not valid JSON.');
    }
    for (const name of RELAYED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) reply.header(name, value);
    }
    return reply.code(response.status).send(body);
  } catch (error) {
    if (error instanceof UpstreamError) {
      return reply.code(error.statusCode).send({ detail: error.message });
    }
    if (controller.signal.aborted) return reply;
    throw error;
  } finally {
    request.raw.off('close', abortOnClose);
  }
}

function serializeBody(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

async function readLimited(response: Response): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) {
    throw new UpstreamError(502, 'The Trata API sent a response larger than the server accepts.');
  }
  const text = await response.text();
  if (text.length > MAX_BODY_BYTES) {
    throw new UpstreamError(502, 'The Trata API sent a response larger than the server accepts.');
  }
  return text;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
