import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConversationStore } from './conversation-store';
import { openDatabase } from './open-database';
import { createProspectStore } from './prospect-store';
import { fixtureConversations } from './testing/fixture-conversations';

const dir = mkdtempSync(path.join(tmpdir(), 'callscope-v4-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration to version 4', () => {
  it('adds the prospects table to a version 3 database and keeps every conversation', async () => {
    const file = path.join(dir, 'v3.db');
    const v3 = openDatabase(file);
    const conversations = fixtureConversations(30, 3);
    const store = createConversationStore(v3, { searchWorker: false });
    store.insertMany(conversations);
    // What version 3 looked like: no prospects table.
    v3.exec('DROP TABLE prospects');
    v3.pragma('user_version = 3');
    v3.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(createConversationStore(db, { searchWorker: false }).count()).toBe(30);
    const prospects = createProspectStore(db);
    const id = conversations[0]!.prospectId!;
    expect(prospects.update(id, { name: 'Kept' }, '2026-01-01T00:00:00')?.name).toBe('Kept');
    db.close();
    const reopened = openDatabase(file);
    expect(createProspectStore(reopened).get(id)?.name).toBe('Kept');
    reopened.close();
  });
});
