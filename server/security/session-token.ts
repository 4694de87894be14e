import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Signed sessions: the cookie carries who is signed in, a random session id and until when,
 * signed with HMAC-SHA256 under SESSION_SECRET, so replicas that share the configuration accept
 * each other's sessions. Ending one early takes the server-side denylist
 * (`session-revocations.ts`), keyed by the session id. Several secrets may be configured: the
 * first signs, all verify (rotation without signing everyone out).
 */
const payloadSchema = z.object({
  u: z.string().min(1).max(64),
  /** The user's password fingerprint when the session was made. */
  f: z.string().max(32),
  /** Expiry, seconds since the epoch. */
  exp: z.int().positive(),
  /** The session's id: what sign-out puts on the denylist. */
  sid: z.string().regex(/^[\w-]{16,64}$/),
  /** Issued at, milliseconds since the epoch: "sign out everywhere" ends what came before. */
  iat: z.int().nonnegative(),
});
export type SessionPayload = z.infer<typeof payloadSchema>;

export function signSession(payload: SessionPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The payload of a well-signed, unexpired token, or null. */
export function verifySession(
  token: string,
  secrets: readonly string[],
  nowMs: number = Date.now(),
): SessionPayload | null {
  if (token.length > 1_024) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const signed = secrets.some((secret) => {
    const expected = Buffer.from(mac(body, secret), 'base64url');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!signed) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const payload = payloadSchema.safeParse(parsed);
  if (!payload.success || payload.data.exp * 1000 <= nowMs) return null;
  return payload.data;
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
