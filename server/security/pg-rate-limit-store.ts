import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { runMigrations } from '../store/postgres/pg-migrate';
import { isDatabaseUnavailable } from '../store/postgres/pg-errors';

/**
 * Counters lose nothing worth a write-ahead log: a crash of the server forgets them, which only
 * resets the current windows.
 */
const MIGRATIONS = [
  `CREATE UNLOGGED TABLE rate_limit_hits (
    key text PRIMARY KEY,
    hits integer NOT NULL,
    window_ends timestamptz NOT NULL
  );
  CREATE INDEX rate_limit_hits_window_ends ON rate_limit_hits (window_ends)`,
];

/** Creates the counters' table when it is missing (every replica, at start). */
export async function prepareRateLimitTable(pool: pg.Pool): Promise<void> {
  await runMigrations(pool, 'rate-limits', MIGRATIONS);
}

/**
 * One statement per hit: a new key, or one whose window ended, starts a window at 1; otherwise
 * the count goes up. The database's clock times the windows, so replicas with clocks apart
 * still share them.
 */
const HIT = `INSERT INTO rate_limit_hits AS h (key, hits, window_ends)
  VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN h.window_ends <= now() THEN 1 ELSE h.hits + 1 END,
    window_ends = CASE WHEN h.window_ends <= now() THEN excluded.window_ends ELSE h.window_ends END
  RETURNING h.hits, greatest(0, ceil(extract(epoch FROM h.window_ends - now()) * 1000))::float8 AS ttl`;
const PEEK = `SELECT hits, greatest(0, ceil(extract(epoch FROM window_ends - now()) * 1000))::float8 AS ttl
  FROM rate_limit_hits WHERE key = $1 AND window_ends > now()`;
const PRUNE = `DELETE FROM rate_limit_hits WHERE window_ends < now() - interval '1 minute'`;

const PRUNE_EVERY_MS = 60_000;
/** After the database failed, how long the counters stay local before it is asked again. */
const LOCAL_FOR_MS = 5_000;

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

/**
 * `@fastify/rate-limit`'s store on PostgreSQL, so every replica counts against one budget.
 *
 * While the database is unreachable the counts go on in this replica's memory, never
 * unlimited: each replica then grants at most the budget itself (replicas times the budget in
 * all), sign-in stays limited, and recordings already cached keep playing. Other errors are
 * raised, so a bug never lifts a limit silently.
 */
export function pgRateLimitStore(
  pool: pg.Pool,
  log: (message: string) => void = () => undefined,
): FastifyRateLimitStoreCtor {
  const local = new LRUCache<string, { hits: number; endsAt: number }>({ max: 10_000 });
  let localUntil = 0;
  let lastPrune = 0;

  function hitLocally(key: string, timeWindow: number): Result {
    const now = Date.now();
    const entry = local.get(key);
    const next =
      entry && entry.endsAt > now
        ? { hits: entry.hits + 1, endsAt: entry.endsAt }
        : { hits: 1, endsAt: now + timeWindow };
    local.set(key, next);
    return { current: next.hits, ttl: next.endsAt - now };
  }

  function peekLocally(key: string): Result {
    const now = Date.now();
    const entry = local.get(key);
    return entry && entry.endsAt > now
      ? { current: entry.hits, ttl: entry.endsAt - now }
      : { current: 0, ttl: 0 };
  }

  function unavailable(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    if (Date.now() >= localUntil) {
      log(
        `Rate limits: the database is unreachable (${error instanceof Error ? error.message : String(error)}); counting in this replica's memory for now`,
      );
    }
    localUntil = Date.now() + LOCAL_FOR_MS;
    return true;
  }

  async function hit(key: string, timeWindow: number): Promise<Result> {
    if (Date.now() < localUntil) return hitLocally(key, timeWindow);
    try {
      const { rows } = await pool.query<{ hits: number; ttl: number }>(HIT, [key, timeWindow]);
      const row = rows[0]!;
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        pool.query(PRUNE).catch(() => undefined);
      }
      return { current: row.hits, ttl: row.ttl };
    } catch (error) {
      if (unavailable(error)) return hitLocally(key, timeWindow);
      throw error;
    }
  }

  async function peek(key: string): Promise<Result> {
    if (Date.now() < localUntil) return peekLocally(key);
    try {
      const { rows } = await pool.query<{ hits: number; ttl: number }>(PEEK, [key]);
      const row = rows[0];
      return row ? { current: row.hits, ttl: row.ttl } : { current: 0, ttl: 0 };
    } catch (error) {
      if (unavailable(error)) return peekLocally(key);
      throw error;
    }
  }

  const settle = (promise: Promise<Result>, callback: Callback) =>
    void promise.then(
      (result) => callback(null, result),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );

  // Every limiter's keys start with its own name, so all of them share one table and one store.
  class PgRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      settle(hit(key, timeWindow), callback);
    }
    /** A look that counts nothing (the sign-in lock check). */
    read(key: string, callback: Callback): void {
      settle(peek(key), callback);
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return PgRateLimitStore;
}
