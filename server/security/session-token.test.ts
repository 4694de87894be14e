import { describe, expect, it } from 'vitest';
import { signSession, verifySession } from './session-token';

const SECRET = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
const now = Date.UTC(2026, 10, 25, 12);
const payload = {
  u: 'alice',
  f: 'fp1',
  exp: now / 1000 + 3600,
  sid: 'sid-0123456789abcdef',
  iat: now,
};

describe('signed session tokens', () => {
  it('round-trips a signed, unexpired session', () => {
    expect(verifySession(signSession(payload, SECRET), [SECRET], now)).toEqual(payload);
  });

  it('refuses an expired session', () => {
    const token = signSession(payload, SECRET);
    expect(verifySession(token, [SECRET], now + 3600_000)).toBeNull();
  });

  it('refuses a token signed with another secret, or altered in any way', () => {
    const token = signSession(payload, SECRET);
    expect(verifySession(token, [OTHER], now)).toBeNull();
    const forged = Buffer.from(JSON.stringify({ ...payload, u: 'admin' })).toString('base64url');
    expect(verifySession(`${forged}.${token.split('.')[1]}`, [SECRET], now)).toBeNull();
    expect(verifySession(`${token}x`, [SECRET], now)).toBeNull();
    expect(verifySession(token.split('.')[0]!, [SECRET], now)).toBeNull();
    expect(verifySession('', [SECRET], now)).toBeNull();
  });

  it('accepts tokens of a previous secret during rotation', () => {
    const old = signSession(payload, OTHER);
    expect(verifySession(old, [SECRET, OTHER], now)).toEqual(payload);
  });
});
