import { createUpstream } from '../../app-server/upstream';
import { createSqliteReviewStore } from '../../store/sqlite/sqlite-review-store';
import { createOutboxWorker } from '../outbox-worker';

/**
 * Child process for the crash test: delivers the outbox of the index at `file` to `url`, says
 * `drained` once nothing is pending, and exits. The test kills it with SIGKILL while a write is
 * in flight, as a crashed server would die, and starts it again.
 */
const [url, token, file] = process.argv.slice(2) as [string, string, string];
const store = createSqliteReviewStore(file);
const upstream = createUpstream({ baseUrl: url, token, timeoutMs: 10_000 });
const outbox = createOutboxWorker({ store, upstream, baseMs: 20, maxMs: 100 });
process.stdout.write('started\n');
outbox.start();
void outbox.drained().then(async () => {
  await outbox.stop();
  await store.close();
  await upstream.close();
  process.stdout.write('drained\n');
});
