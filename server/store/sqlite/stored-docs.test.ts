import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateConversations } from '../../demo-data/generate';
import { createSqliteCallStore } from './sqlite-call-store';

const dir = mkdtempSync(path.join(tmpdir(), 'callscope-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stored conversations', () => {
  it('are kept deflated, read back whole, and documents stored as text still read', async () => {
    const file = path.join(dir, 'index.sqlite');
    const conversations = [
      ...generateConversations({
        count: 20,
        now: new Date('2026-11-25T00:00:00Z'),
        recordingOrigin: 'http://127.0.0.1:1',
      }),
    ];
    const store = createSqliteCallStore(file);
    await store.upsert(conversations);
    for (const conversation of conversations) {
      expect(await store.get(conversation.id)).toEqual(conversation);
    }
    const db = new Database(file);
    const stored = db
      .prepare<[], { kind: string; bytes: number }>(
        'SELECT typeof(doc) AS kind, length(doc) AS bytes FROM call_docs',
      )
      .all();
    const json = conversations.reduce((sum, c) => sum + Buffer.byteLength(JSON.stringify(c)), 0);
    expect(new Set(stored.map((row) => row.kind))).toEqual(new Set(['blob']));
    expect(stored.reduce((sum, row) => sum + row.bytes, 0)).toBeLessThan(json / 2);

    // An index written before documents were packed holds them as text.
    const legacy = conversations[3]!;
    db.prepare('UPDATE call_docs SET doc = ? WHERE rid = (SELECT rid FROM calls WHERE id = ?)').run(
      JSON.stringify(legacy),
      legacy.id,
    );
    db.close();
    expect(await store.get(legacy.id)).toEqual(legacy);
    await store.close();
  });
});
