import { createUpstream } from '../../app-server/upstream';
import { createOutboxWorker } from '../outbox-worker';
import { openOutboxStore } from './open-outbox-store';

/**
 * Child process for the crash test: delivers the outbox at `target` (an SQLite file, or a
 * PostgreSQL schema, see `openOutboxStore`) to `url`, says `drained` once nothing is pending,
 * and exits. The test kills it with SIGKILL while a write is in flight, as a crashed server
 * would die, and starts it again.
 */
const [url, token, target] = process.argv.slice(2) as [string, string, string];
const opened = await openOutboxStore(target);
const upstream = createUpstream({ baseUrl: url, token, timeoutMs: 10_000 });
// On PostgreSQL the killed child's claim outlives it: the restarted one takes the call over
// once the claim runs out, so it is short here.
const outbox = createOutboxWorker({
  store: opened.store,
  upstream,
  baseMs: 20,
  maxMs: 100,
  claimMs: 1_000,
});
process.stdout.write('started\n');
outbox.start();
void outbox.drained().then(async () => {
  await outbox.stop();
  await opened.close();
  await upstream.close();
  process.stdout.write('drained\n');
});
