import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateConversations } from '../../demo-data/generate';
import { createSqliteCallStore } from './sqlite-call-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const indexFile = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'callscope-wal-'));
  dirs.push(dir);
  return path.join(dir, 'index.sqlite');
};

const calls = (count: number) => [
  ...generateConversations({
    count,
    now: new Date('2026-11-25T00:00:00Z'),
    recordingOrigin: 'http://127.0.0.1:1',
  }),
];

describe('the WAL checkpointer', () => {
  it('copies committed writes into the database file from its own thread', async () => {
    const file = indexFile();
    const store = createSqliteCallStore(file);
    const before = statSync(file).size;
    // A few MB of log: far below the writer's own checkpoint, so only the thread copies it.
    await store.upsert(calls(400));
    await expect
      .poll(() => statSync(file).size, { timeout: 15_000 })
      .toBeGreaterThan(before + 400 * 1_000);
    await store.close();
    // The thread's connection is closed too: the last one to close removes the log.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(400);
    db.close();
  });

  it('checkpoints a group of pages once it commits', async () => {
    const file = indexFile();
    const store = createSqliteCallStore(file);
    const before = statSync(file).size;
    await store.group(async (tx) => {
      await tx.upsert(calls(300));
      await tx.commit();
    });
    await expect
      .poll(() => statSync(file).size, { timeout: 15_000 })
      .toBeGreaterThan(before + 300 * 1_000);
    await store.close();
  });
});
