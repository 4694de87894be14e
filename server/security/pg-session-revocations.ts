import type pg from 'pg';
import { runMigrations } from '../store/postgres/pg-migrate';
import type { SessionRevocations } from './session-revocations';

/** Tables of the `sessions` component: ended sessions, and users signed out everywhere. */
const SESSION_STEPS: readonly string[] = [
  `CREATE TABLE revoked_sessions (sid text PRIMARY KEY, expires_at double precision NOT NULL);
   CREATE INDEX revoked_sessions_expiry ON revoked_sessions (expires_at);
   CREATE TABLE revoked_users (
     user_name text PRIMARY KEY, before double precision NOT NULL, expires_at double precision NOT NULL
   );
   CREATE INDEX revoked_users_expiry ON revoked_users (expires_at);`,
];

/**
 * The denylist on PostgreSQL, shared by every replica: a sign-out on one is a sign-out on all.
 * As in SQLite, entries are dropped once the sessions they name would have expired (on each
 * revocation), and the pool is left to its owner on `close()`.
 */
export async function openPgRevocations(pool: pg.Pool): Promise<SessionRevocations> {
  await runMigrations(pool, 'sessions', SESSION_STEPS);
  const prune = (now: number) =>
    pool.query(
      `WITH sessions AS (DELETE FROM revoked_sessions WHERE expires_at <= $1)
       DELETE FROM revoked_users WHERE expires_at <= $1`,
      [now],
    );
  return {
    async revoke(sid, expiresAtMs) {
      await prune(Date.now());
      await pool.query(
        `INSERT INTO revoked_sessions (sid, expires_at) VALUES ($1, $2)
         ON CONFLICT (sid) DO UPDATE SET expires_at = excluded.expires_at`,
        [sid, expiresAtMs],
      );
    },
    async revokeUser(user, beforeMs, expiresAtMs) {
      await prune(Date.now());
      await pool.query(
        `INSERT INTO revoked_users AS r (user_name, before, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_name) DO UPDATE SET before = greatest(r.before, excluded.before),
           expires_at = greatest(r.expires_at, excluded.expires_at)`,
        [user, beforeMs, expiresAtMs],
      );
    },
    async isRevoked({ sid, user, issuedAtMs }) {
      const { rows } = await pool.query<{ revoked: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE sid = $1)
             OR EXISTS (SELECT 1 FROM revoked_users WHERE user_name = $2 AND before >= $3)
             AS revoked`,
        [sid, user, issuedAtMs],
      );
      return rows[0]?.revoked === true;
    },
    async close() {
      // The pool is shared with the stores and ended by whoever opened it.
    },
  };
}
