import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { readCookie } from './cookies';
import type { AuthConfig } from './security-config';
import { verifySession } from './session-token';

export const SESSION_COOKIE = 'callscope_session';
const PROXY_USER = /^[^\p{Cc}]{1,256}$/u;

/** Who sent this request, by session cookie or by the trusted gateway's header; null if unknown. */
export function identify(
  request: FastifyRequest,
  auth: AuthConfig,
  nowMs = Date.now(),
): string | null {
  if (auth.mode === 'password') {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const session = token ? verifySession(token, auth.secrets, nowMs) : null;
    const user = session ? auth.users.get(session.u) : undefined;
    // A changed password or a removed user ends the sessions signed before.
    return user && session && user.fingerprint === session.f ? user.name : null;
  }
  if (auth.mode === 'proxy') {
    // The socket's own peer, never X-Forwarded-For: only the gateway may vouch for a user.
    const peer = request.socket.remoteAddress ?? '';
    const version = isIP(peer);
    if (!version || !auth.trusted.check(peer, version === 6 ? 'ipv6' : 'ipv4')) return null;
    const value = request.headers[auth.header];
    const user = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
    return PROXY_USER.test(user) ? user : null;
  }
  return null;
}
