import { describe, expect, it } from 'vitest';
import { hashPassword } from './password-hash';
import { loadSecurityConfig } from './security-config';

describe('loadSecurityConfig', () => {
  it('defaults to no sign-in with the documented limits', () => {
    const config = loadSecurityConfig({});
    expect(config.auth).toEqual({ mode: 'none' });
    expect(config.rateLimits).toEqual({
      apiPerMinute: 600,
      recordingsPerMinute: 600,
      signInFailures: 10,
      signInFailuresPerUser: 10,
      signInFailuresGlobal: 100,
    });
    expect(config.cookieSecure).toBe('auto');
  });

  it('reads password sign-in with its session secret', async () => {
    const users = `alice:${await hashPassword('alice-password-1')}`;
    const config = loadSecurityConfig({
      DASHBOARD_USERS: users,
      SESSION_SECRET: `${'s'.repeat(32)}, ${'t'.repeat(40)}`,
      SESSION_TTL_HOURS: '8',
    });
    expect(config.auth.mode).toBe('password');
    if (config.auth.mode !== 'password') return;
    expect([...config.auth.users.keys()]).toEqual(['alice']);
    expect(config.auth.secrets).toEqual(['s'.repeat(32), 't'.repeat(40)]);
    expect(config.auth.ttlSeconds).toBe(8 * 3600);
  });

  it('stops with every problem named', async () => {
    const users = `alice:${await hashPassword('alice-password-1')}`;
    expect(() => loadSecurityConfig({ DASHBOARD_USERS: users })).toThrow(
      /SESSION_SECRET: required/,
    );
    expect(() => loadSecurityConfig({ DASHBOARD_USERS: users, SESSION_SECRET: 'short' })).toThrow(
      /at least 32 characters/,
    );
    expect(() =>
      loadSecurityConfig({
        DASHBOARD_USERS: users,
        AUTH_PROXY_HEADER: 'X-User',
        SESSION_SECRET: 'x'.repeat(32),
      }),
    ).toThrow(/choose one sign-in mode/);
    expect(() =>
      loadSecurityConfig({
        AUTH_PROXY_HEADER: 'X-User',
        AUTH_PROXY_TRUSTED_IPS: '10.0.0.0/33,proxy',
      }),
    ).toThrow(/10.0.0.0\/33 is not an IP address[\s\S]*proxy is not an IP address/);
    expect(() => loadSecurityConfig({ AUTH_PROXY_HEADER: 'X User:' })).toThrow(/header name/);
    expect(() => loadSecurityConfig({ RATE_LIMIT_API_PER_MINUTE: '0' })).toThrow(
      /RATE_LIMIT_API_PER_MINUTE/,
    );
  });

  it('reads the trusted-proxy mode with CIDR ranges', () => {
    const config = loadSecurityConfig({
      AUTH_PROXY_HEADER: 'X-Forwarded-Email',
      AUTH_PROXY_TRUSTED_IPS: '10.0.0.0/8, fd00::/8',
    });
    expect(config.auth.mode).toBe('proxy');
    if (config.auth.mode !== 'proxy') return;
    expect(config.auth.header).toBe('x-forwarded-email');
    expect(config.auth.trusted.check('10.1.2.3', 'ipv4')).toBe(true);
    expect(config.auth.trusted.check('127.0.0.1', 'ipv4')).toBe(false);
  });
});
