// Copies the index's write-ahead log back into the database file on a connection of its own,
// so the writer never stops to copy pages or to wait for the disk's flush. PASSIVE checkpoints
// neither wait for nor block the writer or readers. Plain JavaScript: worker threads start
// without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('wal_autocheckpoint = 0');
db.pragma('busy_timeout = 5000');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

let asked = false;
let running = false;

function drain() {
  running = true;
  try {
    while (asked) {
      asked = false;
      checkpoint.run();
    }
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    running = false;
  }
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  asked = true;
  // Nudges that arrive while a checkpoint runs are served by one more pass after it.
  if (!running) setImmediate(drain);
});
