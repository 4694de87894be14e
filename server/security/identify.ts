import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { readCookie } from './cookies';
import type { AuthConfig } from './security-config';
import type { SessionRevocations } from './session-revocations';
import { verifySession, type SessionPayload } from './session-token';

export const SESSION_COOKIE = 'callscope_session';
const PROXY_USER = /^[^\p{Cc}]{1,256}$/u;

/**
 * Who sent this request, by session cookie or by the trusted gateway's header; null if unknown.
 * A session must be well signed, unexpired, for a current password and not revoked.
 */
export async function identify(
  request: FastifyRequest,
  auth: AuthConfig,
  revocations: SessionRevocations | undefined,
  nowMs = Date.now(),
): Promise<string | null> {
  if (auth.mode === 'password') {
    const session = readSession(request, auth, nowMs);
    const user = session ? auth.users.get(session.u) : undefined;
    // A changed password or a removed user ends the sessions signed before.
    if (!user || !session || user.fingerprint !== session.f) return null;
    const revoked = await revocations?.isRevoked({
      sid: session.sid,
      user: session.u,
      issuedAtMs: session.iat,
    });
    return revoked ? null : user.name;
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

/** The well-signed, unexpired session in the request's cookie, or null. */
export function readSession(
  request: FastifyRequest,
  auth: Extract<AuthConfig, { mode: 'password' }>,
  nowMs = Date.now(),
): SessionPayload | null {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  return token ? verifySession(token, auth.secrets, nowMs) : null;
}
