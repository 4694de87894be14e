import { describe, expect, it } from 'vitest';
import { parseDashboardUsers } from './dashboard-users';
import { hashPassword, parseHash, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const text = await hashPassword('correct horse battery');
    expect(text).toMatch(/^scrypt:15:8:1:[\w-]+:[\w-]+$/);
    const parsed = parseHash(text)!;
    expect(await verifyPassword('correct horse battery', parsed)).toBe(true);
    expect(await verifyPassword('correct horse batterY', parsed)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(text);
  });

  it('refuses malformed hashes and absurd costs', async () => {
    const [, , r, p, salt, hash] = (await hashPassword('pw-pw-pw-pw-pw')).split(':');
    expect(parseHash(`scrypt:30:${r}:${p}:${salt}:${hash}`)).toBeNull();
    expect(parseHash(`scrypt:15:${r}:${p}:${salt}:${hash!.slice(4)}`)).toBeNull();
    expect(parseHash('$2b$10$abcdefghijklmnopqrstuv')).toBeNull();
    expect(parseHash('')).toBeNull();
  });

  it('reads DASHBOARD_USERS and names each problem', async () => {
    const a = `alice:${await hashPassword('alice-password-1')}`;
    const b = `bob@example.com:${await hashPassword('bob-password-22')}`;
    const ok = parseDashboardUsers(`${a},\n ${b}\n`);
    expect('users' in ok && [...ok.users.keys()]).toEqual(['alice', 'bob@example.com']);
    const bad = parseDashboardUsers(`${a},${a},eve:plain,:x, mallory`);
    expect('problems' in bad && bad.problems).toEqual([
      'user alice is listed twice',
      'user eve: the hash is not one made by npm run hash-password',
      'entry 4: expected <name>:scrypt:… with a name of letters, digits or ._@+-',
      'entry 5: expected <name>:scrypt:… with a name of letters, digits or ._@+-',
    ]);
  });
});
