import Database from 'better-sqlite3';

/** What a revocation check needs to know about a session. */
export interface SessionIdentity {
  /** The session's random id. */
  sid: string;
  user: string;
  /** When it was issued, milliseconds since the epoch. */
  issuedAtMs: number;
}

/**
 * Ended sessions, kept until they would have expired anyway. Asynchronous on purpose, so a
 * shared backend (PostgreSQL, for several replicas) can implement the same interface; the
 * SQLite one below is per machine.
 */
export interface SessionRevocations {
  /** Ends one session (sign-out) until `expiresAtMs`. */
  revoke(sid: string, expiresAtMs: number): Promise<void>;
  /** Ends every session of `user` issued up to `beforeMs` (sign out everywhere). */
  revokeUser(user: string, beforeMs: number, expiresAtMs: number): Promise<void>;
  isRevoked(session: SessionIdentity): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The denylist in an SQLite file (in DATA_DIR), so sign-outs survive a restart. Entries are
 * dropped once the sessions they name would have expired; `':memory:'` keeps it in memory.
 */
export function openSqliteRevocations(file: string): SessionRevocations {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS revoked_sessions (sid TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS revoked_users (
      user TEXT PRIMARY KEY, before INTEGER NOT NULL, expires_at INTEGER NOT NULL
    );
  `);
  const insertSession = db.prepare(
    'INSERT OR REPLACE INTO revoked_sessions (sid, expires_at) VALUES (?, ?)',
  );
  const insertUser = db.prepare(
    `INSERT INTO revoked_users (user, before, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (user) DO UPDATE SET before = max(before, excluded.before),
       expires_at = max(expires_at, excluded.expires_at)`,
  );
  const sessionRevoked = db
    .prepare<[string], number>('SELECT 1 FROM revoked_sessions WHERE sid = ?')
    .pluck();
  const userRevokedBefore = db
    .prepare<[string], number>('SELECT before FROM revoked_users WHERE user = ?')
    .pluck();
  const prune = db.transaction((now: number) => {
    db.prepare('DELETE FROM revoked_sessions WHERE expires_at <= ?').run(now);
    db.prepare('DELETE FROM revoked_users WHERE expires_at <= ?').run(now);
  });

  return {
    async revoke(sid, expiresAtMs) {
      prune(Date.now());
      insertSession.run(sid, expiresAtMs);
    },
    async revokeUser(user, beforeMs, expiresAtMs) {
      prune(Date.now());
      insertUser.run(user, beforeMs, expiresAtMs);
    },
    async isRevoked({ sid, user, issuedAtMs }) {
      if (sessionRevoked.get(sid) !== undefined) return true;
      const before = userRevokedBefore.get(user);
      return before !== undefined && issuedAtMs <= before;
    },
    async close() {
      db.close();
    },
  };
}
