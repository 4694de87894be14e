import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type pg from 'pg';
import { redactDatabaseUrl } from '../config';
import { openPgRevocations } from '../security/pg-session-revocations';
import { pgRateLimitStore, prepareRateLimitTable } from '../security/pg-rate-limit-store';
import { openSqliteRevocations, type SessionRevocations } from '../security/session-revocations';
import { backoffDelayMs } from '../sync/backoff';
import { createLocalSyncLease, type SyncLease } from '../sync/sync-lease';
import { embeddedDatabase, PROBE_TIMEOUT_MS, within, type DatabaseHandle } from './database-health';
import { createPgCallStore } from './postgres/pg-call-store';
import { databaseUnavailableReason } from './postgres/pg-errors';
import { createPgPool } from './postgres/pg-pool';
import { createPgReviewStore } from './postgres/pg-review-store';
import { createPgSyncLease } from './postgres/pg-sync-lease';
import type { ReviewStore } from './review-types';
import { createSqliteCallStore } from './sqlite/sqlite-call-store';
import { createSqliteReviewStore } from './sqlite/sqlite-review-store';
import type { CallStore } from './types';

export interface StoreOptions {
  dataDir: string;
  /** PostgreSQL, shared by replicas; SQLite files in `dataDir` without it. */
  databaseUrl?: string;
  poolMax?: number;
  /** `statement_timeout` of a request's statements on PostgreSQL (ms; 0: none). */
  statementTimeoutMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
}

/** Everything this server keeps, on one backend, opened in one place. */
export interface Stores {
  calls: CallStore;
  reviews: ReviewStore;
  revocations: SessionRevocations;
  /** Which replica syncs: always this one on SQLite. */
  lease: SyncLease;
  /** Where rate limits count; undefined keeps them in memory (a single server). */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  database: DatabaseHandle;
  /** Closes every store, then the database's connections. */
  close(): Promise<void>;
}

/**
 * Opens the index, reviews and their outbox, sync state, session revocations and rate limits:
 * on PostgreSQL when a URL is given (one pool, created here and ended last), otherwise in SQLite
 * files in DATA_DIR, as a single server always did.
 */
export async function openStores(options: StoreOptions): Promise<Stores> {
  return options.databaseUrl
    ? openPgStores(options.databaseUrl, options)
    : openSqliteStores(options.dataDir);
}

async function openSqliteStores(dataDir: string): Promise<Stores> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'index.sqlite');
  const calls = createSqliteCallStore(file);
  const reviews = createSqliteReviewStore(file);
  const revocations = openSqliteRevocations(path.join(dataDir, 'sessions.sqlite'));
  return {
    calls,
    reviews,
    revocations,
    lease: createLocalSyncLease(),
    database: embeddedDatabase,
    async close() {
      await calls.close();
      await reviews.close();
      await revocations.close();
    },
  };
}

async function openPgStores(url: string, options: StoreOptions): Promise<Stores> {
  const warn = (message: string) => options.log?.warn(message);
  const pool = createPgPool(
    {
      connectionString: url,
      max: options.poolMax,
      applicationName: 'callscope',
      statementTimeoutMs: options.statementTimeoutMs,
    },
    warn,
  );
  options.log?.info(`Opening the stores on PostgreSQL at ${redactDatabaseUrl(url)}`);
  const opened: { close(): Promise<void> }[] = [];
  try {
    const calls = await createPgCallStore(pool);
    opened.push(calls);
    const reviews = await createPgReviewStore(pool);
    opened.push(reviews);
    const revocations = await openPgRevocations(pool);
    opened.push(revocations);
    await prepareRateLimitTable(pool);
    return {
      calls,
      reviews,
      revocations,
      lease: createPgSyncLease(pool, warn),
      rateLimitStore: pgRateLimitStore(pool, warn),
      database: pgDatabase(pool),
      async close() {
        for (const store of opened) await store.close();
        await pool.end();
      },
    };
  } catch (error) {
    for (const store of opened) await store.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/**
 * `openStores`, waiting for a database that cannot be reached yet (a replica starting before
 * PostgreSQL, or during a failover) instead of exiting: it tries again with a growing wait.
 * Any other failure (a bad password, a schema newer than this server) is thrown at once.
 */
export async function openStoresWhenReachable(options: StoreOptions): Promise<Stores> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openStores(options);
    } catch (error) {
      const reason = databaseUnavailableReason(error);
      if (reason === null || !options.databaseUrl) throw error;
      const delay = backoffDelayMs(attempt, { baseMs: 1_000, maxMs: 30_000 });
      options.log?.warn(
        `PostgreSQL at ${redactDatabaseUrl(options.databaseUrl)} is unreachable (${reason}); trying again in ${Math.round(delay / 1000)} s`,
      );
      await sleep(delay);
    }
  }
}

function pgDatabase(pool: pg.Pool): DatabaseHandle {
  return {
    kind: 'postgres',
    probe: (timeoutMs = PROBE_TIMEOUT_MS) =>
      within(
        pool.query('SELECT 1').then(
          () => 'ok' as const,
          () => 'unreachable' as const,
        ),
        timeoutMs,
        'unreachable',
      ),
    close: () => pool.end(),
  };
}
