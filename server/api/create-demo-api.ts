import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  CONVERSATION_NOT_FOUND,
  conversationCreateSchema,
  conversationUpdateSchema,
  formatTrataTimestamp,
  withStoredAgentId,
} from '../../contract';
import type { ConversationStore } from '../db/conversation-store';
import { createProspectStore, type ProspectStore } from '../db/prospect-store';
import { registerAgentRoutes } from './agents-routes';
import { createBearerCheck } from './auth';
import { conversationEtag, ifMatchAllows } from './conversation-etag';
import { DEFAULT_HTTP_LIMITS, httpServerOptions, type HttpLimits } from '../security/http-limits';
import { parseJsonBody } from './body-validation';
import { HttpProblem, notFound } from './fastapi-errors';
import { decodeJsonBody } from './json-body';
import { registerProspectRoutes } from './prospect-routes';
import { insufficientStorage, storageFailure } from './storage-errors';
import { validateListQuery, validatePaging } from './query-validation';

export interface DemoApiOptions {
  store: ConversationStore;
  /** Prospects beside the store's conversations, in the same database by default. */
  prospects?: ProspectStore;
  token: string;
  logger?: FastifyServerOptions['logger'];
  /**
   * Timeouts; defaults when absent. No per-address cap: the API listens on loopback, and its
   * one client, the app server, keeps a bounded pool of connections.
   */
  httpLimits?: HttpLimits;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The Trata-compatible demo API: the routes of the contract, bearer auth on all of them, and
 * FastAPI-shaped errors. Without `sort_by` the list is ordered by `timestampStart` (a project
 * decision; Trata does not document its default order).
 */
export function createDemoApi(options: DemoApiOptions): FastifyInstance {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    forceCloseConnections: 'idle',
    bodyLimit: 5 * 1024 * 1024,
    // The query string is parsed by the routes themselves, which keep repeats and bad encodings.
    routerOptions: { querystringParser: () => ({}) },
    ...httpServerOptions(options.httpLimits ?? DEFAULT_HTTP_LIMITS),
  });
  const checkBearer = createBearerCheck(options.token);

  // Bodies arrive as text so a JSON error is a FastAPI 422, not the framework's 400; invalid
  // UTF-8 and runaway nesting are refused before anything parses them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, decodeJsonBody(body as Buffer));
    } catch (error) {
      done(error as HttpProblem);
    }
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpProblem) {
      return reply.code(error.statusCode).headers(error.headers).send(error.body);
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode === 413) return reply.code(413).send({ detail: 'Request body too large' });
    const storage = storageFailure(error);
    if (storage) {
      reply.log.warn(`A write was refused: ${storage}`);
      return reply.code(507).send(insufficientStorage(storage));
    }
    reply.log.error(error);
    return reply.code(500).send({ detail: 'Internal Server Error' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: 'Not Found' }));

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/v1/')) checkBearer(request.headers.authorization);
  });

  app.get('/v1/conversations', async (request, reply) => {
    const query = validateListQuery(request.url);
    await store.prepareSearch(query);
    const { json, total } = store.listJson(query);
    return reply.header('x-total-count', String(total)).type(JSON_TYPE).send(json);
  });

  registerAgentRoutes(app);

  app.get<{ Params: { id: string } }>('/v1/conversations/:id', async (request, reply) => {
    const json = store.getJson(request.params.id);
    if (json === null) throw notFound(CONVERSATION_NOT_FOUND);
    return reply.header('etag', conversationEtag(json)).type(JSON_TYPE).send(json);
  });

  // With If-Match, the write happens only over the version the client read (else 412).
  app.put<{ Params: { id: string }; Body: string }>(
    '/v1/conversations/:id',
    async (request, reply) => {
      const patch = withStoredAgentId(parseJsonBody(request.body, conversationUpdateSchema));
      const ifMatch = request.headers['if-match'];
      const result = store.updateIf(request.params.id, patch, (json) =>
        ifMatch === undefined ? true : ifMatchAllows(ifMatch, conversationEtag(json)),
      );
      if (result.kind === 'missing') throw notFound(CONVERSATION_NOT_FOUND);
      if (result.kind === 'changed') {
        throw new HttpProblem(412, {
          detail: 'The conversation changed since it was read: read it again and retry.',
        });
      }
      const json = store.getJson(request.params.id);
      if (json !== null) reply.header('etag', conversationEtag(json));
      return result.conversation;
    },
  );

  app.post<{ Body: string }>('/v1/conversations', async (request, reply) => {
    const body = withStoredAgentId(parseJsonBody(request.body, conversationCreateSchema));
    const now = Date.now();
    const id = body.id ?? `con.${Math.floor(now / 1000)}.${randomBytes(6).toString('base64url')}`;
    if (store.get(id)) throw new HttpProblem(409, { detail: 'Conversation already exists' });
    const created = store.create({
      ...body,
      id,
      createdAt: body.createdAt ?? formatTrataTimestamp(now),
      updatedAt: body.updatedAt ?? formatTrataTimestamp(now),
    });
    return reply.code(200).send(created);
  });

  app.get<{ Params: { prospectId: string } }>(
    '/v1/prospects/:prospectId/conversations',
    async (request, reply) => {
      const { skip, limit } = validatePaging(request.url);
      const { json, total } = store.listByProspectJson(request.params.prospectId, skip, limit);
      return reply.header('x-total-count', String(total)).type(JSON_TYPE).send(json);
    },
  );

  registerProspectRoutes(app, options.prospects ?? createProspectStore(store.db));

  return app;
}
