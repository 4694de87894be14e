import type { FastifyReply } from 'fastify';

/**
 * A media or peaks response can never become a page or a script of the dashboard's origin,
 * even opened directly or loaded with <script src>: the browser must not guess its type, and a
 * sandbox without any source runs nothing it might render.
 */
export const MEDIA_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
} as const;

/**
 * Recordings and peaks belong to whoever may open the call: never kept by a shared cache. With
 * sign-in on, the private-caching hook also keys the browser's copy on who asked (`Vary`).
 */
export function privateCaching(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'private, max-age=86400');
}

/** `attachment` or `inline` with a file name that is already safe (see recordingFileName). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const safe = fileName.replace(/[^\w.-]/g, '_');
  return `${kind}; filename="${safe}"`;
}
