import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, policyWithStyleNonce } from './security-headers';
import { startSecureApp, type SecureApp } from './testing/secure-app';

let secure: SecureApp | undefined;
afterEach(async () => {
  await secure?.close();
  secure = undefined;
});

describe('security headers', () => {
  it('sends the exact CSP, nosniff and a referrer policy on every response, and no X-Powered-By', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; media-src 'self' blob:",
    );
    secure = await startSecureApp({});
    for (const url of ['/assets/app.js', '/healthz', '/v1/conversations', '/v1/nope', '/api/x']) {
      const response = await secure.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      expect(response.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('sends the entry document with a fresh style nonce that only its CSP allows', async () => {
    secure = await startSecureApp({});
    const nonces = new Set<string>();
    for (const url of ['/', '/calls/abc', '/', '/index.html']) {
      const response = await secure.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      const nonce = /nonce="([^"]+)"/.exec(response.body)?.[1];
      expect(nonce, url).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(response.headers['content-security-policy'], url).toBe(policyWithStyleNonce(nonce!));
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(response.headers['x-powered-by'], url).toBeUndefined();
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(4);
  });
});

describe('request guards', () => {
  it('without sign-in, answers only loopback host names (no DNS rebinding) and ALLOWED_HOSTS', async () => {
    secure = await startSecureApp({ ALLOWED_HOSTS: 'callscope.internal' });
    const status = async (host: string) =>
      (await secure!.app.inject({ url: '/v1/conversations', headers: { host } })).statusCode;
    expect(await status('127.0.0.1:8080')).toBe(200);
    expect(await status('localhost:5173')).toBe(200);
    expect(await status('[::1]:8080')).toBe(200);
    expect(await status('callscope.internal')).toBe(200);
    expect(await status('attacker.example:8080')).toBe(421);
    expect(await status('127.0.0.1.attacker.example')).toBe(421);
    expect(secure.upstream.seen).toHaveLength(4);
  });

  it('refuses writes from another site before they reach the upstream', async () => {
    secure = await startSecureApp({});
    const write = (headers: Record<string, string>) =>
      secure!.app.inject({
        method: 'POST',
        url: '/v1/conversations',
        headers: { host: '127.0.0.1:8080', 'content-type': 'application/json', ...headers },
        payload: '{}',
      });
    expect((await write({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await write({ origin: 'null' })).statusCode).toBe(403);
    expect((await write({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    // Sec-Fetch-Site wins over a forged-looking Origin, whichever way it points.
    expect(
      (await write({ origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-site' })).statusCode,
    ).toBe(403);
    expect(secure.upstream.seen).toEqual([]);
    // What Chromium sends for a same-origin form post when the referrer is withheld.
    expect((await write({ origin: 'null', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect(
      (await write({ origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin' }))
        .statusCode,
    ).toBe(200);
    expect((await write({})).statusCode).toBe(200);
    expect(secure.upstream.seen).toHaveLength(3);
  });
});

describe('trusted-proxy sign-in', () => {
  it('trusts the user header only from the configured gateway address', async () => {
    secure = await startSecureApp({
      AUTH_PROXY_HEADER: 'X-Forwarded-User',
      AUTH_PROXY_TRUSTED_IPS: '10.0.0.2',
    });
    const request = (remoteAddress: string, user?: string) =>
      secure!.app.inject({
        url: '/api/session',
        remoteAddress,
        headers:
          user === undefined ? {} : { 'x-forwarded-user': user, 'x-forwarded-for': '10.0.0.2' },
      });
    const fromGateway = await request('10.0.0.2', 'dana@example.com');
    expect(fromGateway.statusCode).toBe(200);
    expect(fromGateway.json()).toEqual({ mode: 'proxy', user: 'dana@example.com' });
    expect((await request('10.0.0.3', 'dana@example.com')).statusCode).toBe(401);
    expect((await request('10.0.0.2')).statusCode).toBe(401);
    expect((await request('10.0.0.2', '   ')).statusCode).toBe(401);
    const healthz = await secure.app.inject({ url: '/healthz', remoteAddress: '10.0.0.3' });
    expect(healthz.statusCode).toBe(200);
    const readyz = await secure.app.inject({ url: '/readyz', remoteAddress: '10.0.0.3' });
    expect(readyz.statusCode).toBe(200);
    const signIn = await secure.app.inject({
      url: '/sign-in',
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-user': 'd', accept: 'text/html' },
    });
    expect(signIn.body).not.toContain('<form');
  });
});

describe('rate limits', () => {
  it('limits /v1 and the recordings per client, with a Retry-After', async () => {
    secure = await startSecureApp({
      RATE_LIMIT_API_PER_MINUTE: '3',
      RATE_LIMIT_RECORDINGS_PER_MINUTE: '2',
    });
    const statuses = async (url: string, count: number, remoteAddress = '127.0.0.1') => {
      const out: number[] = [];
      for (let i = 0; i < count; i++)
        out.push((await secure!.app.inject({ url, remoteAddress })).statusCode);
      return out;
    };
    expect(await statuses('/v1/conversations', 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses('/api/conversations/c1/recording', 3)).toEqual([200, 200, 429]);
    expect(await statuses('/v1/conversations', 1, '127.0.0.9')).toEqual([200]);
    const limited = await secure.app.inject({ url: '/v1/conversations' });
    expect(limited.json<{ detail: string }>().detail).toMatch(
      /^Too many requests\. Try again in \d+ s\.$/,
    );
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await statuses('/healthz', 5)).toEqual([200, 200, 200, 200, 200]);
    expect(await statuses('/readyz', 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('limits sign-in requests too', async () => {
    secure = await startSecureApp({});
    // Without password mode there is no sign-in route, but the limit still guards the path.
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await secure.app.inject({ method: 'POST', url: '/sign-in' })).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });
});
