import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { policyWithStyleNonce } from '../security/security-headers';

/** vite.config.ts writes this into every nonce attribute of the built index.html. */
export const NONCE_PLACEHOLDER = 'CALLSCOPE_CSP_NONCE';

/**
 * The SPA's index.html, read once, sent with a fresh nonce per response (in the document and in
 * its Content-Security-Policy), so inline styles run only where the page put them itself.
 */
export function createEntryDocument(staticDir: string) {
  const template = readFileSync(path.join(staticDir, 'index.html'), 'utf8');
  return (reply: FastifyReply) => {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', policyWithStyleNonce(nonce))
      .type('text/html; charset=utf-8')
      .send(template.replaceAll(NONCE_PLACEHOLDER, nonce));
  };
}
