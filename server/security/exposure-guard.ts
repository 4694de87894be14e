import { isIP } from 'node:net';
import { ConfigError } from '../config';
import type { AuthConfig } from './security-config';

/** `localhost`, 127.0.0.0/8 and ::1: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6)
    return bare === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(bare) || bare === '::ffff:127.0.0.1';
  return false;
}

/**
 * Refuses to start a server that others can reach (HOST not loopback) unless sign-in is
 * configured: anyone on the network would otherwise read every call with the server's token.
 */
export function assertSafeExposure(host: string, auth: AuthConfig): void {
  if (isLoopbackHost(host) || auth.mode !== 'none') return;
  throw new ConfigError(
    [
      `Refusing to listen on HOST=${host} without sign-in: anyone who can reach it would see every call.`,
      '  Configure one of:',
      '    DASHBOARD_USERS=<from npm run hash-password> and SESSION_SECRET=<32+ random characters>',
      '    AUTH_PROXY_HEADER=<header your SSO gateway sets> (and AUTH_PROXY_TRUSTED_IPS)',
      '  or keep HOST=127.0.0.1.',
    ].join('\n'),
  );
}
