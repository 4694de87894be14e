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
 * Adds hits to a key: a new key, or one whose window ended, starts a window at them; otherwise
 * the count goes up. The database's clock times the windows, so replicas with clocks apart
 * still share them.
 */
const ADD = `INSERT INTO rate_limit_hits AS h (key, hits, window_ends)
  VALUES ($1, $3, now() + make_interval(secs => $2::float8 / 1000))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN h.window_ends <= now() THEN excluded.hits ELSE h.hits + excluded.hits END,
    window_ends = CASE WHEN h.window_ends <= now() THEN excluded.window_ends ELSE h.window_ends END
  RETURNING h.hits, greatest(0, ceil(extract(epoch FROM h.window_ends - now()) * 1000))::float8 AS ttl`;
const PEEK = `SELECT hits, greatest(0, ceil(extract(epoch FROM window_ends - now()) * 1000))::float8 AS ttl
  FROM rate_limit_hits WHERE key = $1 AND window_ends > now()`;
const PRUNE = `DELETE FROM rate_limit_hits WHERE window_ends < now() - interval '1 minute'`;

const PRUNE_EVERY_MS = 60_000;
/**
 * A budget this large (the API's and the recordings', per client and minute) is counted in
 * batches: the first hit of a window is counted in the database, the next ones in memory and
 * added every BATCH_EVERY_MS. Every replica together may then grant a little more than the
 * budget (what they serve in that time), a small part of a budget this size; in return, an API
 * request no longer waits for a write. Smaller budgets (sign-in) count every hit at once.
 */
const BATCH_FROM_MAX = 100;
const BATCH_EVERY_MS = 200;
/** After the database failed, how long the counters stay local before it is asked again. */
const LOCAL_FOR_MS = 5_000;

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

/** A batched key's window: the shared count when last added to, and the hits since. */
interface BatchedWindow {
  shared: number;
  pending: number;
  endsAt: number;
  timeWindow: number;
}

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

  async function add(key: string, timeWindow: number, hits: number): Promise<Result> {
    const { rows } = await pool.query<{ hits: number; ttl: number }>(ADD, [key, timeWindow, hits]);
    const row = rows[0]!;
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      pool.query(PRUNE).catch(() => undefined);
    }
    return { current: row.hits, ttl: row.ttl };
  }

  async function hit(key: string, timeWindow: number): Promise<Result> {
    if (Date.now() < localUntil) return hitLocally(key, timeWindow);
    try {
      return await add(key, timeWindow, 1);
    } catch (error) {
      if (unavailable(error)) return hitLocally(key, timeWindow);
      throw error;
    }
  }

  const batched = new LRUCache<string, BatchedWindow>({ max: 10_000 });
  let flushTimer: NodeJS.Timeout | null = null;

  async function flush() {
    flushTimer = null;
    for (const [key, window] of [...batched.entries()]) {
      const hits = window.pending;
      if (hits === 0) continue;
      window.pending = 0;
      try {
        const result = await add(key, window.timeWindow, hits);
        window.shared = result.current;
        window.endsAt = Date.now() + result.ttl;
      } catch (error) {
        // Counted again at the next batch; meanwhile this replica goes on counting them.
        window.pending += hits;
        if (!unavailable(error)) log(`Rate limits: could not add hits (${String(error)})`);
      }
    }
    if ([...batched.values()].some((window) => window.pending > 0)) scheduleFlush();
  }

  function scheduleFlush() {
    flushTimer ??= setTimeout(() => void flush(), BATCH_EVERY_MS).unref();
  }

  async function hitBatched(key: string, timeWindow: number): Promise<Result> {
    const window = batched.get(key);
    const now = Date.now();
    if (window && window.endsAt > now) {
      window.pending++;
      scheduleFlush();
      return { current: window.shared + window.pending, ttl: window.endsAt - now };
    }
    // A new window is opened or joined in the database, so its end is every replica's.
    const result = await hit(key, timeWindow);
    if (Date.now() >= localUntil) {
      batched.set(key, {
        shared: result.current,
        pending: 0,
        endsAt: now + result.ttl,
        timeWindow,
      });
    }
    return result;
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
    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      settle(max >= BATCH_FROM_MAX ? hitBatched(key, timeWindow) : hit(key, timeWindow), callback);
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
