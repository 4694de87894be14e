import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createDemoApi } from '../server/api/create-demo-api';
import { createConversationStore } from '../server/db/conversation-store';
import { openDatabase } from '../server/db/open-database';
import { SCHEMA_VERSION } from '../server/db/schema';
import { generateConversations } from '../server/demo-data/generate';

/**
 * The upstream of `npm run bench:index`, in its own process as a real API would be: the demo API
 * over `count` demo conversations (seeded once into bench-data/ and reused), without recordings.
 * Prints `ready <origin>` when it listens.
 */
const [countText, token] = process.argv.slice(2) as [string, string];
const count = Number(countText);
const dir = path.resolve('bench-data');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `conversations-v${SCHEMA_VERSION}-${count}.sqlite`);
const fresh = !existsSync(file);
const db = openDatabase(file);
const store = createConversationStore(db);
// Calls the bench created upstream in earlier runs stay in the file; they are not the seed.
const created = db
  .prepare<[], number>("SELECT count(*) FROM conversations WHERE id LIKE 'con.bench.%'")
  .pluck()
  .get()!;
if (fresh || store.count() - created !== count) {
  if (!fresh) throw new Error(`${file} holds ${store.count()} conversations, not ${count}`);
  process.stderr.write(`seeding ${count} conversations into ${file}…\n`);
  store.insertMany(
    generateConversations({
      count,
      now: new Date('2026-11-25T00:00:00Z'),
      recordingOrigin: 'http://127.0.0.1:8081',
    }),
  );
}
// A seed (or a run stopped before closing) can leave gigabytes in the WAL; the first write the
// bench makes (creating a call) would copy them all back and outlast its time limit.
db.pragma('wal_checkpoint(TRUNCATE)');
// Read once from start to end, so the API answers from memory as a real one would from its own
// servers: a file evicted while idle made the first minutes of a run wait on this disk's
// random reads (about 6 MB/s), timing the stand-in's disk instead of the sync.
{
  const chunk = Buffer.allocUnsafe(8 << 20);
  const fd = openSync(file, 'r');
  while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  closeSync(fd);
}
const app = createDemoApi({ store, token });
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`ready http://127.0.0.1:${(app.server.address() as AddressInfo).port}\n`);
// Exits on its own when the bench is done, so a `--cpu-prof` of this process is written.
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
