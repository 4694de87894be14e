// Computes search match sets on its own read connection (WAL lets it read beside the writer), so
// a new search over a million rows never blocks the event loop. Plain JavaScript: worker threads
// start without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('cache_size = -131072');
db.pragma('mmap_size = 1073741824');
db.pragma('busy_timeout = 5000');

parentPort.on('message', ({ id, text, params }) => {
  try {
    const rids = Int32Array.from(
      db
        .prepare(text)
        .pluck()
        .all(...params),
    );
    parentPort.postMessage({ id, rids }, [rids.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
