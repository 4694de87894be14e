import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createConversationStore } from '../db/conversation-store';
import { openDatabase } from '../db/open-database';
import { generateConversations } from '../demo-data/generate';

export interface SeedOptions {
  count: number;
  recordingOrigin: string;
  /** Hears the progress: rows done so far, and once `indexing` before the indexes are built. */
  onProgress?: (done: number, phase: 'rows' | 'indexing') => void;
}

/** Where an unfinished seed lives until it is complete. */
export const seedingFile = (file: string) => `${file}.seeding`;

/**
 * Makes sure a complete demo database exists at `file`; returns whether it seeded one.
 *
 * Seeding is complete or invisible: the rows go into `<file>.seeding`, and only a finished
 * database (rows, indexes and FTS, checkpointed and synced) is renamed to `file`, which is
 * atomic. The rename is the completion mark. A seed stopped at any point (a kill, a crash, a
 * full disk) leaves no `file`, so the next start throws the leftover away and seeds again.
 */
export function ensureDemoDatabase(file: string, options: SeedOptions): boolean {
  if (existsSync(file)) return false;
  const partial = seedingFile(file);
  removeDatabaseFiles(partial);
  const db = openDatabase(partial);
  try {
    const store = createConversationStore(db, { searchWorker: false });
    store.insertMany(
      generateConversations({ count: options.count, recordingOrigin: options.recordingOrigin }),
      options.onProgress,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  syncFile(partial);
  // `file` does not exist; a stray journal beside it must not be applied to the new database.
  removeDatabaseFiles(file);
  renameSync(partial, file);
  syncFile(path.dirname(file));
  return true;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
