import type { FastifyInstance } from 'fastify';
import type { DatabaseState } from '../store/database-health';

export interface HealthOptions {
  /** The database's state now (a cheap, time-limited probe); `embedded` for SQLite. */
  database(): Promise<DatabaseState>;
}

/** A probe answer is reused this long, so load balancers polling often cost one query. */
const PROBE_REUSE_MS = 1_000;

/**
 * `/healthz` (is this process alive, and can it reach its database) and `/readyz` (should a load
 * balancer send it requests): 503 while the database is unreachable or the server is shutting
 * down, so the replica is drained rather than restarted. Both are outside sign-in and rate limits.
 */
export function registerHealthRoutes(app: FastifyInstance, options?: HealthOptions): void {
  let last: { at: number; state: Promise<DatabaseState> } | null = null;
  const database = (): Promise<DatabaseState> => {
    if (!options) return Promise.resolve('embedded');
    const now = Date.now();
    if (!last || now - last.at > PROBE_REUSE_MS) {
      last = { at: now, state: options.database().catch(() => 'unreachable' as const) };
    }
    return last.state;
  };
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', database: await database() };
  });
  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const state = await database();
    if (closing) {
      return reply.code(503).send({ status: 'stopping', database: state });
    }
    if (state === 'unreachable') {
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ status: 'unavailable', database: state });
    }
    return { status: 'ready', database: state };
  });
}
