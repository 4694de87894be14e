import { createUpstream } from '../../app-server/upstream';
import { openTestCallStore } from '../../store/testing/open-test-stores';
import { createSyncEngine } from '../sync-engine';

/**
 * Child process for the crash test: syncs `url` into the index at `location` (a SQLite file, or
 * a PostgreSQL schema of `DATABASE_URL`: see `testCallStoreLocation`) with small pages,
 * printing its progress after every page, and exits once the backfill is done. The test kills
 * it with SIGKILL halfway, as a crashed server would die, and starts it again.
 */
const [url, token, location] = process.argv.slice(2) as [string, string, string];
const store = await openTestCallStore({ at: location });
const upstream = createUpstream({ baseUrl: url, token, timeoutMs: 10_000 });
const sync = createSyncEngine({
  store,
  upstream,
  source: url,
  intervalMs: 3_600_000,
  reconcileMs: 3_600_000,
  pageLimit: 10,
  overlap: 2,
  groupRows: 30,
  maxBackoffMs: 50,
});
// The last report may still be reading the index when the backfill ends: it finishes first.
let report: Promise<unknown> = Promise.resolve();
const timer = setInterval(() => {
  report = sync.status().then((status) => process.stdout.write(`seen ${status.backfill.seen}\n`));
}, 5);
void sync.nextSuccess().then(async () => {
  clearInterval(timer);
  await report;
  process.stdout.write(`done ${await store.count()}\n`);
  await sync.stop();
  await store.close();
  await upstream.close();
});
sync.start();
