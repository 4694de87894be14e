import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestPgDatabase, testBackend } from '../store/testing/test-database';
import { openPgRevocations } from './pg-session-revocations';
import { openSqliteRevocations, type SessionRevocations } from './session-revocations';

const HOUR = 3_600_000;

/**
 * Two handles on one denylist, as two servers would hold: two pools on one PostgreSQL schema
 * (two replicas), or two connections to one SQLite file.
 */
async function openTwo(): Promise<{ one: SessionRevocations; two: SessionRevocations }> {
  if (testBackend() === 'postgres') {
    const db = await openTestPgDatabase();
    const one = await openPgRevocations(db.pool);
    const two = await openPgRevocations(db.openPool());
    cleanups.push(async () => {
      await one.close();
      await two.close();
      // Closing the denylists left their pools open: they still answer.
      await db.pool.query('SELECT 1');
      await db.drop();
    });
    return { one, two };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'callscope-revocations-'));
  const file = path.join(dir, 'sessions.sqlite');
  const one = openSqliteRevocations(file);
  const two = openSqliteRevocations(file);
  cleanups.push(async () => {
    await one.close();
    await two.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { one, two };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe(`session revocations (${testBackend()})`, () => {
  it('a session revoked through one handle is revoked through the other', async () => {
    const { one, two } = await openTwo();
    const now = Date.now();
    const session = { sid: 'sid-a', user: 'alice', issuedAtMs: now - 1_000 };
    const other = { sid: 'sid-b', user: 'alice', issuedAtMs: now - 1_000 };
    expect(await two.isRevoked(session)).toBe(false);

    await one.revoke(session.sid, now + HOUR);
    expect(await two.isRevoked(session)).toBe(true);
    expect(await one.isRevoked(session)).toBe(true);
    expect(await two.isRevoked(other)).toBe(false);
  });

  it('signing a user out everywhere ends the sessions issued until then, on every handle', async () => {
    const { one, two } = await openTwo();
    const now = Date.now();
    await two.revokeUser('bob', now, now + HOUR);
    expect(await one.isRevoked({ sid: 'old', user: 'bob', issuedAtMs: now - 5_000 })).toBe(true);
    expect(await one.isRevoked({ sid: 'same', user: 'bob', issuedAtMs: now })).toBe(true);
    expect(await one.isRevoked({ sid: 'new', user: 'bob', issuedAtMs: now + 1 })).toBe(false);
    expect(await one.isRevoked({ sid: 'old', user: 'carol', issuedAtMs: now - 5_000 })).toBe(false);

    // An older sign-out everywhere never shortens a newer one.
    await one.revokeUser('bob', now - 60_000, now + HOUR);
    expect(await two.isRevoked({ sid: 'old', user: 'bob', issuedAtMs: now - 5_000 })).toBe(true);
  });

  it('drops entries once the sessions they name would have expired', async () => {
    const { one, two } = await openTwo();
    const now = Date.now();
    const expired = { sid: 'expired', user: 'erin', issuedAtMs: now - HOUR };
    const dave = { sid: 'x', user: 'dave', issuedAtMs: now - HOUR };
    await one.revoke('expired', now - 1);
    expect(await two.isRevoked(expired)).toBe(true);
    // The next revocation, on either handle, prunes what has run out.
    await one.revokeUser('dave', now, now - 1);
    expect(await two.isRevoked(expired)).toBe(false);
    expect(await two.isRevoked(dave)).toBe(true);
    await two.revoke('fresh', now + HOUR);
    expect(await one.isRevoked(dave)).toBe(false);
    expect(await one.isRevoked({ sid: 'fresh', user: 'erin', issuedAtMs: now })).toBe(true);
  });
});
