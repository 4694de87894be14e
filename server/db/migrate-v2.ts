import type { Conversation } from '../../contract';
import type { Db } from './open-database';
import { phoneSearchText } from './phone-search';

const BATCH = 2_000;

/**
 * Version 3 stores every digit form of the caller's number for phone search, and a phone call's
 * caller ID when no number was given (see `phone-search.ts`). Only `phone_d` changes: it is
 * recomputed from the stored JSON and its FTS index rebuilt, in one transaction.
 */
export function migrateFromV2(db: Db, finish: () => void): void {
  db.transaction(() => {
    const page = db.prepare<[number], { rid: number; doc: string }>(
      `SELECT rid, doc FROM docs WHERE rid > ? ORDER BY rid LIMIT ${BATCH}`,
    );
    const update = db.prepare<[string, number]>(
      'UPDATE conversations SET phone_d = ? WHERE rid = ?',
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after);
      if (rows.length === 0) break;
      for (const row of rows) {
        update.run(phoneSearchText(JSON.parse(row.doc) as Conversation), row.rid);
      }
      after = rows.at(-1)!.rid;
    }
    db.prepare("INSERT INTO fts_short (fts_short) VALUES ('rebuild')").run();
    finish();
  }).immediate();
}
