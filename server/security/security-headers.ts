import type { FastifyInstance } from 'fastify';

/** The policy the issue asks for, exactly: no inline script, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; media-src 'self' blob:";

/**
 * The SPA's entry document adds one thing: a per-response nonce for inline <style> elements.
 * wavesurfer.js lays out its waveform with a <style> inside its shadow root and takes the nonce
 * (`cspNonce`), so the page never needs 'unsafe-inline'. Scripts stay 'self' only.
 */
export function policyWithStyleNonce(nonce: string): string {
  return `${CONTENT_SECURITY_POLICY}; style-src 'self' 'nonce-${nonce}'`;
}

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  // Nothing leaves for another origin; same-origin requests keep a real Origin header.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The same headers as raw `name: value` lines, for answers written straight to a socket. */
export function securityHeaderLines(): string[] {
  return [
    ...Object.entries(HEADERS).map(([name, value]) => `${name}: ${value}`),
    `content-security-policy: ${CONTENT_SECURITY_POLICY}`,
  ];
}

/** Sets the security headers on every response, errors and static files included. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    // Only the entry document sets its own policy, and only to add its style nonce.
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    reply.removeHeader('x-powered-by');
    return payload;
  });
}
