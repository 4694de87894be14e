import pg from 'pg';

export interface PgPoolOptions {
  connectionString: string;
  /**
   * A schema of its own (created when missing) that every connection uses first: tests run
   * side by side in one database this way, each in a schema it drops afterwards.
   */
  schema?: string;
  /** Connections this process keeps at most; several replicas share the server's limit. */
  max?: number;
  /** Names the replica in `pg_stat_activity`, for whoever looks at a busy server. */
  applicationName?: string;
  /**
   * How long one statement may run (`statement_timeout`, ms; 0: no limit). The default suits a
   * request; the sync's writes and migrations lift it for their own transactions (`LONG_WORK`).
   */
  statementTimeoutMs?: number;
}

/** A request's statement is cancelled after this long: a runaway query must not hang it. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

/**
 * Run first in a transaction that may take long by design (a backfill's batch, a migration
 * rewriting a table): its statements keep the limit of a stuck server, not of a request.
 */
export const LONG_WORK = "SET LOCAL statement_timeout = '10min'";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Settings every connection starts with. No parallel workers: a request's statement is a page
 * under a LIMIT or a grouped count, and starting workers and merging their rows cost more than
 * they saved (a filtered page at 1M calls: 110 ms with two workers, 3 ms without; the grouped
 * count of a text search took as long either way), while the workers took the cores that the
 * other requests of a busy server were waiting for.
 */
function connectionSettings(schema: string | undefined): string {
  const settings = ['-c max_parallel_workers_per_gather=0'];
  if (schema) settings.push(`-c search_path=${schema},public`);
  return settings.join(' ');
}

/**
 * A pool towards PostgreSQL. An idle connection that the server drops (a restart, a failover)
 * emits an error on the pool: it is logged and the pool opens a new one on the next query,
 * instead of the process dying of an unhandled 'error' event; so does one checked out.
 */
export function createPgPool(
  options: PgPoolOptions,
  log: (message: string) => void = () => undefined,
): pg.Pool {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`not a plain schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'callscope',
    // A database that does not answer must fail a request in seconds, never hold it.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Sent when the connection starts, so `SET LOCAL` in a transaction falls back to it.
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    options: connectionSettings(options.schema),
  });
  pool.on('error', (error) => log(`PostgreSQL dropped an idle connection: ${error.message}`));
  // A connection that fails while checked out (mid-transaction when the server stops) emits
  // 'error' with no pool listener on it: without this one, that would end the process. The
  // query in flight fails on its own, and the holder releases the broken client.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}

/** Creates the pool's own schema when it has one (before migrations run in it). */
export async function ensureSchema(pool: pg.Pool, schema: string | undefined): Promise<void> {
  if (schema === undefined) return;
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
}
