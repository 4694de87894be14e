import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './password-hash';
import { signSession } from './session-token';
import { cookiePair, startSecureApp, UPSTREAM_TOKEN, type SecureApp } from './testing/secure-app';

const SECRET = 'k'.repeat(40);
const PASSWORD = 'alice-long-password';
let secure: SecureApp;

beforeAll(async () => {
  secure = await startSecureApp({
    DASHBOARD_USERS: `alice:${await hashPassword(PASSWORD)}`,
    SESSION_SECRET: SECRET,
    SIGN_IN_MAX_FAILURES: '3',
  });
});
afterAll(() => secure.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST' as const,
  url: '/sign-in',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

async function signIn(remoteAddress = '127.0.0.1', next = '/calls?status=active') {
  const response = await secure.app.inject({
    ...form({ username: 'alice', password: PASSWORD, next }),
    remoteAddress,
  });
  return { response, cookie: cookiePair(response.headers['set-cookie']) };
}

describe('password sign-in', () => {
  it('answers 401 to an unauthenticated API request and sends a page load to the sign-in page', async () => {
    const api = await secure.app.inject({ url: '/v1/conversations' });
    expect(api.statusCode).toBe(401);
    // So the SPA can tell its own ended session from an upstream that refused the token.
    expect(api.headers['x-callscope-sign-in']).toBe('/sign-in');
    expect(api.json()).toEqual({ detail: 'Sign in to Callscope to continue.' });
    for (const url of ['/api/conversations/c1/recording', '/assets/app.js', '/api/session']) {
      expect((await secure.app.inject({ url })).statusCode, url).toBe(401);
    }
    const page = await secure.app.inject({
      url: '/calls/c1?x=1',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fcalls%2Fc1%3Fx%3D1');
    expect(secure.upstream.seen).toEqual([]);
  });

  it('serves a sign-in page without inline script or style', async () => {
    const page = await secure.app.inject({ url: '/sign-in?next=/calls' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<form method="post" action="/sign-in">');
    expect(page.body).toContain('value="/calls"');
    expect(page.body).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    const css = await secure.app.inject({ url: '/sign-in.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });

  it('signs in with an HttpOnly, SameSite=Strict session cookie, and the session works', async () => {
    const { response, cookie } = await signIn();
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/calls?status=active');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^callscope_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );

    const api = await secure.app.inject({ url: '/v1/conversations?limit=5', headers: { cookie } });
    expect(api.statusCode).toBe(200);
    const seen = secure.upstream.seen.at(-1)!;
    expect(seen.headers.authorization).toBe(`Bearer ${UPSTREAM_TOKEN}`);
    expect(seen.headers.cookie).toBeUndefined();
    const session = await secure.app.inject({ url: '/api/session', headers: { cookie } });
    expect(session.json()).toEqual({ mode: 'password', user: 'alice' });
    const spa = await secure.app.inject({
      url: '/calls',
      headers: { cookie, accept: 'text/html' },
    });
    expect(spa.statusCode).toBe(200);
  });

  it('marks the cookie Secure behind https', async () => {
    const response = await secure.app.inject({
      ...form({ username: 'alice', password: PASSWORD }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-proto': 'https',
      },
      remoteAddress: '10.9.9.9',
    });
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('refuses forged, expired and foreign-secret sessions', async () => {
    const exp = Math.floor(Date.now() / 1000);
    const { cookie } = await signIn('10.9.9.8');
    const fingerprint = JSON.parse(
      Buffer.from(cookie.split('=')[1]!.split('.')[0]!, 'base64url').toString(),
    ).f as string;
    const fresh = { sid: 'sid-0123456789abcdef', iat: Date.now() };
    const tokens = [
      signSession({ u: 'alice', f: fingerprint, exp: exp - 1, ...fresh }, SECRET),
      signSession({ u: 'alice', f: fingerprint, exp: exp + 600, ...fresh }, 'x'.repeat(40)),
      signSession({ u: 'mallory', f: fingerprint, exp: exp + 600, ...fresh }, SECRET),
      signSession({ u: 'alice', f: 'old-password', exp: exp + 600, ...fresh }, SECRET),
      `${cookie.split('=')[1]}tampered`,
    ];
    for (const token of tokens) {
      const response = await secure.app.inject({
        url: '/v1/conversations',
        headers: { cookie: `callscope_session=${token}` },
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it('never redirects to another site after sign-in', async () => {
    for (const next of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const { response } = await signIn('10.9.9.7', next);
      expect(response.headers.location, next).toBe('/');
    }
  });

  it('limits failed attempts, then refuses even the right password for a while', async () => {
    const attempt = (password: string) =>
      secure.app.inject({ ...form({ username: 'alice', password }), remoteAddress: '10.1.1.1' });
    for (let i = 0; i < 3; i++) {
      const wrong = await attempt('wrong-password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('Wrong user name or password.');
      expect(wrong.headers['set-cookie']).toBeUndefined();
    }
    const blocked = await attempt(PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many failed sign-ins');
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await signIn('10.1.1.2')).response.statusCode).toBe(303);
  });

  it('signs out by clearing the cookie', async () => {
    const response = await secure.app.inject({ method: 'POST', url: '/sign-out' });
    expect(response.statusCode).toBe(303);
    expect(String(response.headers['set-cookie'])).toMatch(/^callscope_session=; .*Max-Age=0/);
  });
});
