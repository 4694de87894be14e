import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SIGN_IN_HEADER } from '../../contract';
import { identify } from './identify';
import type { SessionRevocations } from './session-revocations';
import type { AuthConfig } from './security-config';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The signed-in dashboard user; null (or undefined on routes registered before the
     * security layer) when sign-in is off or the request is anonymous.
     */
    dashboardUser: string | null | undefined;
  }
}

const OPEN_WITH_PASSWORD = new Set([
  '/healthz',
  '/readyz',
  '/sign-in',
  '/sign-in.css',
  '/sign-out',
  '/favicon.svg',
]);
const OPEN_WITH_PROXY = new Set(['/healthz', '/readyz']);

/**
 * With sign-in configured, every request but the sign-in page and the health check needs a
 * user: API calls get a 401, page loads are sent to the sign-in page.
 */
export function registerAuthHook(
  app: FastifyInstance,
  auth: AuthConfig,
  revocations: SessionRevocations | undefined,
): void {
  app.decorateRequest('dashboardUser', null);
  if (auth.mode === 'none') return;
  const open = auth.mode === 'password' ? OPEN_WITH_PASSWORD : OPEN_WITH_PROXY;
  app.addHook('onRequest', async (request, reply) => {
    request.dashboardUser = await identify(request, auth, revocations);
    if (request.dashboardUser) return;
    const path = pathOf(request);
    if (open.has(path)) return;
    reply.header('cache-control', 'no-store');
    // Tells the SPA that its own session ended (not that the upstream refused the token).
    if (auth.mode === 'password') reply.header(SIGN_IN_HEADER, '/sign-in');
    if (auth.mode === 'password' && wantsPage(request, path)) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    const detail =
      auth.mode === 'password'
        ? 'Sign in to Callscope to continue.'
        : 'Not signed in: the sign-in gateway did not identify you.';
    return reply.code(401).send({ detail });
  });
}

export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}

function wantsPage(request: FastifyRequest, path: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (path.startsWith('/v1/') || path.startsWith('/api/') || path.startsWith('/assets/'))
    return false;
  return (request.headers.accept ?? '').includes('text/html');
}
