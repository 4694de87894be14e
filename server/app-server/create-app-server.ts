import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { HttpProblem } from '../api/fastapi-errors';
import { decodeJsonBody } from '../api/json-body';
import {
  capConnectionsPerAddress,
  DEFAULT_HTTP_LIMITS,
  httpServerOptions,
  type HttpLimits,
} from '../security/http-limits';
import { registerSecurity } from '../security/register-security';
import { registerCallRoutes, type CallRouteOptions } from '../index-api/calls-routes';
import { registerInsightsRoutes } from '../insights/insights-routes';
import { registerReviewRoutes } from '../index-api/review-routes';
import type { OutboxWorker } from '../outbox/outbox-worker';
import type { ReviewStore } from '../store/review-types';
import type { SecurityConfig } from '../security/security-config';
import type { CallStore } from '../store/types';
import type { SyncEngine } from '../sync/sync-engine';
import { openSqliteRevocations, type SessionRevocations } from '../security/session-revocations';
import { sendIfDatabaseUnavailable } from './database-unavailable';
import { createEntryDocument } from './entry-document';
import { registerHealthRoutes, type HealthOptions } from './health-routes';
import { registerForwardRoutes } from './forward-routes';
import { registerIdGuard } from './id-guard';
import { registerPrivateCaching } from './private-caching';
import type { Upstream } from './upstream';
import { COMPRESSION } from '../http/compression';

export interface AppServerOptions {
  upstream: Upstream;
  /** The built SPA (`dist/`). When it is missing the server still answers the API. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Security headers, host guards, sign-in and rate limits; main.ts always passes them. */
  security?: SecurityConfig;
  /**
   * Ended sessions. main.ts keeps them in DATA_DIR; without one, an in-memory list that the
   * server closes with itself.
   */
  sessions?: SessionRevocations;
  /** What `/healthz` and `/readyz` say of the database; `embedded` when absent. */
  health?: HealthOptions;
  /** Where rate limits count (PostgreSQL, shared by replicas); in memory when absent. */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  /** Timeouts and the per-address connection cap; defaults when absent. */
  httpLimits?: HttpLimits;
  /** The call index and its sync: serves `/api/calls` and `/api/sync` when given. */
  index?: {
    store: CallStore;
    sync: SyncEngine;
    reviews?: ReviewStore;
    outbox?: OutboxWorker;
    /** The CSV export's limits; defaults when absent. */
    export?: CallRouteOptions['export'];
  };
}

/**
 * The one server the browser talks to: it serves the built SPA and forwards the API with the
 * server-held token.
 */
export async function createAppServer(options: AppServerOptions): Promise<FastifyInstance> {
  const limits = options.httpLimits ?? DEFAULT_HTTP_LIMITS;
  const app = Fastify({
    logger: options.logger ?? false,
    // Keep-alive sockets that idle are closed at shutdown; in-flight responses finish first.
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
    ...httpServerOptions(limits),
  });
  capConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress);

  // Every JSON body is checked (UTF-8, nesting depth) before it is parsed.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(decodeJsonBody(body as Buffer)) as unknown);
    } catch (error) {
      done(error instanceof HttpProblem ? error : new HttpProblem(422, { detail: 'Invalid JSON' }));
    }
  });
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    if (error instanceof HttpProblem) return reply.code(error.statusCode).send(error.body);
    if (sendIfDatabaseUnavailable(error, request, reply)) return reply;
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ detail: error.message ?? 'Bad request' });
    }
    request.log.error(error);
    return reply.code(500).send({ detail: 'Internal Server Error' });
  });

  // Responses finished after shutdown began close their socket, so close() never waits on a
  // keep-alive connection that went idle after the idle sweep.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  // Before any route, so every response (errors and static files too) passes through it.
  if (options.security) {
    const sessions = options.sessions ?? openSqliteRevocations(':memory:');
    if (!options.sessions) app.addHook('onClose', () => sessions.close());
    await registerSecurity(app, options.security, sessions, options.rateLimitStore);
    registerPrivateCaching(app, options.security.auth);
  }
  registerIdGuard(app);

  await app.register(compress, COMPRESSION);

  registerHealthRoutes(app, options.health);

  registerForwardRoutes(app, options.upstream);
  if (options.index) registerCallRoutes(app, { ...options.index, upstream: options.upstream });
  if (options.index) registerInsightsRoutes(app, options.index);
  const { reviews, outbox } = options.index ?? {};
  if (options.index && reviews && outbox) {
    registerReviewRoutes(app, { calls: options.index.store, reviews, outbox });
  }

  const staticDir =
    options.staticDir && existsSync(path.join(options.staticDir, 'index.html'))
      ? options.staticDir
      : undefined;
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      index: false,
      // The entry document is only ever sent with its nonce filled in.
      allowedPath: (pathName) => pathName !== '/index.html',
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  const sendEntryDocument = staticDir ? createEntryDocument(staticDir) : undefined;
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/v1/') || request.url.startsWith('/api/');
    if (isApi || request.method !== 'GET' || !sendEntryDocument) {
      return reply.code(404).send({ detail: 'Not Found' });
    }
    // Client-side routes (/calls/…) get the SPA's entry document.
    return sendEntryDocument(reply);
  });

  return app;
}
