import { sendIfDatabaseUnavailable } from '../app-server/database-unavailable';
import type { FastifyInstance } from 'fastify';
import { CONVERSATION_NOT_FOUND } from '../../contract';
import { HttpProblem } from '../api/fastapi-errors';
import { UpstreamError, type Upstream } from '../app-server/upstream';
import type { ReviewStore } from '../store/review-types';
import type { CallStore } from '../store/types';
import type { SyncEngine } from '../sync/sync-engine';
import { registerCallsExport, type CallsExportOptions } from '../export/calls-export-route';
import { validateCallQuery } from './calls-query';
import { COMPRESSION, negotiatedEncoding } from '../http/compression';
import { createListBodies } from './list-body';
import { validateReviewedCallQuery, viewerOf } from './review-filter';

export interface CallRouteOptions {
  store: CallStore;
  sync: SyncEngine;
  upstream: Upstream;
  /** Reviews: the `review` filter and a review summary per row. */
  reviews?: ReviewStore;
  /** The CSV export's limits and running exports. */
  export?: Pick<CallsExportOptions, 'limits' | 'runs'>;
}

/**
 * Callscope's own API over the index: `GET /api/calls` (rows, total and facets),
 * `GET /api/calls/{id}` (the whole call, checked against the API in the background) and
 * `GET /api/sync` (how current the index is), and the list as CSV (`GET /api/calls.csv`). They
 * answer from the index when the API is down.
 */
export function registerCallRoutes(app: FastifyInstance, options: CallRouteOptions): void {
  const { store, sync, upstream, reviews } = options;
  const listBodies = createListBodies();
  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof HttpProblem) return reply.code(error.statusCode).send(error.body);
      if (sendIfDatabaseUnavailable(error, request, reply)) return reply;
      if (error instanceof UpstreamError) {
        return reply.code(error.statusCode).send({ detail: error.message });
      }
      request.log.error(error);
      return reply.code(500).send({ detail: 'Internal Server Error' });
    });

    registerCallsExport(scope, { store, reviews, ...options.export });

    scope.get('/api/calls', async (request, reply) => {
      const query = reviews
        ? await validateReviewedCallQuery(request, reviews)
        : validateCallQuery(request.url);
      // Rows and facets at once: on a database server they are two round trips in parallel.
      const [page, facets] = await Promise.all([store.listJson(query), store.facets(query)]);
      const summaries = reviews ? await reviews.summaries(page.ids, viewerOf(request)) : null;
      const answer = listBodies(page, facets, summaries);
      reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
      // Compressed here, once per kept answer: the compression plugin passes it on as it is.
      const encoding = negotiatedEncoding(request.headers);
      if (encoding === null || answer.body.length < COMPRESSION.threshold) {
        return reply.send(answer.body);
      }
      return reply
        .header('content-encoding', encoding)
        .header('vary', 'accept-encoding')
        .send(answer.encoded(encoding));
    });

    scope.get<{ Params: { id: string } }>('/api/calls/:id', async (request, reply) => {
      const { id } = request.params;
      const indexed = await store.get(id);
      if (indexed) {
        sync.revalidate(id);
        return reply.header('cache-control', 'no-store').send(indexed);
      }
      // Not indexed yet (created since the last pass): the API may know it.
      const fetched = await upstream.getConversation(id, AbortSignal.timeout(30_000));
      if (!fetched) return reply.code(404).send({ detail: CONVERSATION_NOT_FOUND });
      await store.upsert([fetched]);
      return reply.header('cache-control', 'no-store').send(fetched);
    });

    scope.get('/api/sync', async (_request, reply) =>
      reply.header('cache-control', 'no-store').send(await sync.status()),
    );
  });
}
