import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../security/password-hash';
import { sendJson } from '../upstream-fetch/testing/stub-server';
import { startSecureApp, type SecureApp } from '../security/testing/secure-app';

let secure: SecureApp | undefined;
afterEach(async () => {
  await secure?.close();
  secure = undefined;
});

const USER = { 'x-forwarded-user': 'dana' };

describe('caching with sign-in on', () => {
  it('marks every response but the hashed assets private, keyed on the user', async () => {
    secure = await startSecureApp({ AUTH_PROXY_HEADER: 'X-Forwarded-User' });
    // An upstream that invites shared caches to keep its answers.
    secure.upstream.handle((_request, response) => {
      response.setHeader('cache-control', 'public, max-age=600');
      sendJson(response, 200, []);
    });
    for (const url of [
      '/',
      '/calls/c1',
      '/v1/conversations',
      '/v1/conversations/c1',
      '/api/session',
      '/api/conversations/c1/recording',
    ]) {
      const response = await secure.app.inject({ url, headers: { ...USER, accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('private, no-store');
      expect(String(response.headers.vary), url).toMatch(/x-forwarded-user/i);
    }
    const asset = await secure.app.inject({ url: '/assets/app.js', headers: USER });
    expect(asset.headers['cache-control']).toMatch(/^public/);
  });

  it('varies on the session cookie in password mode', async () => {
    secure = await startSecureApp({
      DASHBOARD_USERS: `dana:${await hashPassword('dana-long-password')}`,
      SESSION_SECRET: 'a-session-secret-of-more-than-32-characters',
    });
    const response = await secure.app.inject({ url: '/v1/conversations' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(String(response.headers.vary)).toMatch(/cookie/i);
  });

  it('leaves caching alone on loopback without sign-in', async () => {
    secure = await startSecureApp({});
    secure.upstream.handle((_request, response) => {
      response.setHeader('cache-control', 'private, max-age=5');
      sendJson(response, 200, []);
    });
    const response = await secure.app.inject({ url: '/v1/conversations' });
    expect(response.headers['cache-control']).toBe('private, max-age=5');
  });
});
