import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLoopbackHost } from './exposure-guard';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Two guards that need no sign-in to make sense:
 * - Without sign-in, only loopback host names (plus ALLOWED_HOSTS) are answered, so a web page
 *   that rebinds its own domain to 127.0.0.1 cannot read the dashboard or use its token.
 * - A write from another site is refused, whatever the sign-in mode.
 */
export function registerRequestGuards(
  app: FastifyInstance,
  options: { checkHost: boolean; allowedHosts: readonly string[] },
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (options.checkHost && !hostAllowed(request, options.allowedHosts)) {
      return reply.code(421).send({
        detail: 'This server does not answer to that host name. Add it to ALLOWED_HOSTS.',
      });
    }
    if (UNSAFE.has(request.method) && isCrossSite(request)) {
      return reply.code(403).send({ detail: 'Cross-site requests are refused.' });
    }
  });
}

function hostAllowed(request: FastifyRequest, allowedHosts: readonly string[]): boolean {
  const name = hostName(request.headers.host ?? '');
  return isLoopbackHost(name) || allowedHosts.includes(name);
}

/** `example.com:8080` → `example.com`, `[::1]:8080` → `[::1]`. */
function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':')[0] ?? '';
}

/**
 * A browser that sends Sec-Fetch-Site says where the request comes from, and cannot be made to
 * lie about it; only without it is the Origin header compared. Origin alone is not enough: a
 * same-origin form post carries `Origin: null` whenever the page's referrer policy withholds
 * the referrer.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  if (site === 'same-origin' || site === 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true; // "null" and other opaque origins
  }
  const hosts = [request.headers.host, request.headers['x-forwarded-host']]
    .flat()
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.split(',')[0]!.trim().toLowerCase());
  return !hosts.includes(originHost);
}
