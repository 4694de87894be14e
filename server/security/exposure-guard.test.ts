import { describe, expect, it } from 'vitest';
import { assertSafeExposure, isLoopbackHost } from './exposure-guard';
import { loadSecurityConfig } from './security-config';

describe('the exposure guard', () => {
  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1'])(
    'treats %s as loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.20',
    '10.0.0.5',
    'example.com',
    'my-laptop',
    '::ffff:10.0.0.1',
  ])('refuses to start on HOST=%s without sign-in', (host) => {
    expect(() => assertSafeExposure(host, { mode: 'none' })).toThrow(
      `Refusing to listen on HOST=${host} without sign-in`,
    );
  });

  it('starts on any host once sign-in is configured', () => {
    const proxy = loadSecurityConfig({ AUTH_PROXY_HEADER: 'X-Forwarded-User' });
    expect(() => assertSafeExposure('0.0.0.0', proxy.auth)).not.toThrow();
    expect(() => assertSafeExposure('127.0.0.1', { mode: 'none' })).not.toThrow();
  });
});
