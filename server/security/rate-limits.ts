import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathOf } from './auth-hook';
import type { SecurityConfig } from './security-config';

const RECORDING_PATH = /^\/api\/conversations\/[^/]+\/(recording|peaks)$/;
/** Callscope's own list, call and sync routes share the API budget with /v1. */
const INDEX_API_PATH = /^\/api\/(calls(\/[^/]+)?|sync)$/;
const MINUTE = 60_000;

export type FailureLimiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Per-client limits on /v1, the recordings and sign-in (in memory, per replica). A signed-in
 * user is counted as themself, so colleagues behind one NAT or gateway do not share a budget.
 * Returns the limiter of failed sign-ins, which the sign-in route feeds.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  limits: SecurityConfig['rateLimits'],
): Promise<FailureLimiter> {
  await app.register(rateLimit, { global: false });
  const who = (request: FastifyRequest) =>
    request.dashboardUser ? `user:${request.dashboardUser}` : `ip:${request.ip}`;
  const api = app.createRateLimit({
    max: limits.apiPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (request) => `api|${who(request)}`,
  });
  const recordings = app.createRateLimit({
    max: limits.recordingsPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (request) => `recordings|${who(request)}`,
  });
  const signIn = app.createRateLimit({
    max: 30,
    timeWindow: MINUTE,
    keyGenerator: (request) => `sign-in|${request.ip}`,
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    const limiter =
      path.startsWith('/v1/') || INDEX_API_PATH.test(path)
        ? api
        : RECORDING_PATH.test(path)
          ? recordings
          : path === '/sign-in' && request.method === 'POST'
            ? signIn
            : null;
    if (!limiter) return;
    const status = await limiter(request);
    if (status.isAllowed || !status.isExceeded) return;
    return reply
      .code(429)
      .header('retry-after', String(status.ttlInSeconds))
      .send({ detail: `Too many requests. Try again in ${status.ttlInSeconds} s.` });
  });

  return app.createRateLimit({
    max: limits.signInFailures,
    timeWindow: 15 * MINUTE,
    keyGenerator: (request) => `sign-in-failures|${request.ip}`,
  });
}
