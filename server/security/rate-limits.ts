import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathOf } from './auth-hook';
import type { SecurityConfig } from './security-config';

const RECORDING_PATH = /^\/api\/conversations\/[^/]+\/(recording|peaks)$/;
/** Callscope's own list, export, call, review and sync routes share the API budget with /v1. */
const INDEX_API_PATH = /^\/api\/(calls(\.csv|\/[^/]+(\/[^?]+)?)?|sync)$/;
const MINUTE = 60_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Failed sign-ins, counted three ways over 15 minutes: per address, per user name (whoever
 * tries it, from however many addresses; unknown names count too, so the count says nothing
 * about which names exist) and for the whole server.
 */
export interface FailureLimiter {
  /** Seconds until sign-in opens again when any of the three budgets is spent, else null. */
  lockedFor(request: FastifyRequest): Promise<number | null>;
  record(request: FastifyRequest): Promise<void>;
}

/**
 * Per-client limits on /v1, the recordings and sign-in: in memory, per replica, unless a shared
 * `store` is given (PostgreSQL, so replicas count against one budget). A signed-in
 * user is counted as themself, so colleagues behind one NAT or gateway do not share a budget.
 * Returns the limiter of failed sign-ins, which the sign-in route feeds.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  limits: SecurityConfig['rateLimits'],
  store?: FastifyRateLimitStoreCtor,
): Promise<FailureLimiter> {
  await app.register(rateLimit, { global: false, ...(store ? { store } : {}) });
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

  const window = 15 * MINUTE;
  const failureLimiters: Limiter[] = [
    app.createRateLimit({
      max: limits.signInFailures,
      timeWindow: window,
      keyGenerator: (request) => `sign-in-failures|ip|${request.ip}`,
    }),
    app.createRateLimit({
      max: limits.signInFailuresPerUser,
      timeWindow: window,
      keyGenerator: (request) => `sign-in-failures|user|${formUsername(request)}`,
    }),
    app.createRateLimit({
      max: limits.signInFailuresGlobal,
      timeWindow: window,
      keyGenerator: () => 'sign-in-failures|all',
    }),
  ];
  return {
    async lockedFor(request) {
      let seconds: number | null = null;
      for (const limiter of failureLimiters) {
        // A peek does not count this attempt, so a budget is spent once nothing remains.
        const status = await limiter(request, { increment: false });
        if (!status.isAllowed && status.remaining === 0) {
          seconds = Math.max(seconds ?? 0, status.ttlInSeconds);
        }
      }
      return seconds;
    },
    async record(request) {
      for (const limiter of failureLimiters) await limiter(request);
    },
  };
}

/** The user name of a sign-in form, as the route reads it (case folded: one budget per name). */
function formUsername(request: FastifyRequest): string {
  const value = (request.body as { username?: unknown } | undefined)?.username;
  return typeof value === 'string' ? value.trim().slice(0, 64).toLowerCase() : '';
}
