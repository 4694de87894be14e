import { createUpstream } from '../../app-server/upstream';
import { createPgPool } from '../../store/postgres/pg-pool';
import { createPgSyncLease } from '../../store/postgres/pg-sync-lease';
import { createSqliteCallStore } from '../../store/sqlite/sqlite-call-store';
import { createSyncEngine } from '../sync-engine';

/**
 * Child process for the lease test: a replica syncing `url` into the index at `file`, under the
 * lease of PostgreSQL schema `schema`. It prints `syncing` after each pass it ran and runs until
 * killed, as a replica would, so the test can kill it with SIGKILL while it holds the lease.
 */
const [url, token, file, connectionString, schema, intervalMs] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const pool = createPgPool({ connectionString, schema, max: 2 });
const store = createSqliteCallStore(file);
const upstream = createUpstream({ baseUrl: url, token, timeoutMs: 10_000 });
const sync = createSyncEngine({
  store,
  upstream,
  source: url,
  intervalMs: Number(intervalMs),
  reconcileMs: 3_600_000,
  pageLimit: 20,
  maxBackoffMs: 50,
  lease: createPgSyncLease(pool),
});
sync.start();
const announce = (): void => {
  void sync.nextSuccess().then(() => {
    process.stdout.write('syncing\n');
    announce();
  });
};
announce();
