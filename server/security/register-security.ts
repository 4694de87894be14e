import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { registerAuthHook } from './auth-hook';
import { registerRateLimits } from './rate-limits';
import { registerRequestGuards } from './request-guards';
import type { SecurityConfig } from './security-config';
import type { SessionRevocations } from './session-revocations';
import { registerSecurityHeaders } from './security-headers';
import { registerSignInRoutes } from './sign-in-routes';

/**
 * Everything the app server needs to be exposed safely: security headers, the host and
 * cross-site guards, sign-in (password sessions or a trusted gateway's header), rate limits,
 * and GET /api/session. Call it on the root instance before any other route is added.
 */
export async function registerSecurity(
  app: FastifyInstance,
  config: SecurityConfig,
  revocations: SessionRevocations,
  /** Where rate limits count: shared by replicas on PostgreSQL; in memory without it. */
  rateLimitStore?: FastifyRateLimitStoreCtor,
): Promise<void> {
  registerSecurityHeaders(app);
  registerRequestGuards(app, {
    // With sign-in, a rebinding page gets no session cookie, so any host name may be used.
    checkHost: config.auth.mode === 'none' || config.allowedHosts.length > 0,
    allowedHosts: config.allowedHosts,
  });
  registerAuthHook(app, config.auth, revocations);
  const failures = await registerRateLimits(app, config.rateLimits, rateLimitStore);
  if (config.auth.mode === 'password') {
    await registerSignInRoutes(app, {
      auth: config.auth,
      cookieSecure: config.cookieSecure,
      failures,
      revocations,
    });
  }
  app.get('/api/session', async (request) => ({
    mode: config.auth.mode,
    user: request.dashboardUser ?? null,
  }));
}
