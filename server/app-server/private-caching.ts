import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from '../security/security-config';

/** Hashed, never-changing build files: the only responses any cache may share. */
const SHAREABLE = /^\/assets\//;

/**
 * With sign-in on, everything but the SPA's hashed assets is somebody's data: calls, recordings,
 * peaks, the session, even the entry document (it carries a per-response nonce). A shared cache
 * must keep none of it, whatever the upstream said; the browser's own cache keys what it may
 * keep on the user's credential (`Vary`).
 */
export function registerPrivateCaching(app: FastifyInstance, auth: AuthConfig): void {
  if (auth.mode === 'none') return;
  const credential = credentialHeader(auth);
  app.addHook('onSend', async (request, reply, payload) => {
    if (SHAREABLE.test(request.url)) return payload;
    const current = String(reply.getHeader('cache-control') ?? '');
    const keepable = /\b(private|no-store)\b/.test(current) && !/\bpublic\b/.test(current);
    if (!keepable) reply.header('cache-control', 'private, no-store');
    const vary = String(reply.getHeader('vary') ?? '');
    if (!vary.toLowerCase().includes(credential.toLowerCase()))
      reply.header('vary', vary ? `${vary}, ${credential}` : credential);
    return payload;
  });
}

/** The request header that says who is asking. */
export function credentialHeader(auth: Exclude<AuthConfig, { mode: 'none' }>): string {
  return auth.mode === 'password' ? 'Cookie' : auth.header;
}
