import type { Conversation } from '../../contract';
import { createConversationWriter } from './conversation-writer';
import type { Db } from './open-database';
import { toRow } from './row-mapping';

const BATCH = 2_000;

/**
 * Version 1 kept the JSON inside `conversations` and one positional FTS index over every field.
 * Version 2 is rebuilt from the stored JSON, in one transaction so a crash leaves version 1 whole;
 * indexes and FTS are built once at the end, as a bulk load does.
 */
export function migrateFromV1(db: Db, createTables: () => void, finish: () => void): void {
  db.transaction(() => {
    db.exec('DROP TABLE IF EXISTS conversations_fts');
    const indexes = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'conversations' AND sql IS NOT NULL",
      )
      .all();
    for (const { name } of indexes) db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    db.exec('ALTER TABLE conversations RENAME TO conversations_v1');
    createTables();
    const writer = createConversationWriter(db);
    const page = db.prepare<[number], { rid: number; doc: string }>(
      `SELECT rid, doc FROM conversations_v1 WHERE rid > ? ORDER BY rid LIMIT ${BATCH}`,
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after);
      if (rows.length === 0) break;
      writer.insertRows(
        rows.map((row) => toRow(JSON.parse(row.doc) as Conversation)),
        false,
      );
      after = rows.at(-1)!.rid;
    }
    db.exec('DROP TABLE conversations_v1');
    writer.rebuildFts();
    finish();
  }).immediate();
}
