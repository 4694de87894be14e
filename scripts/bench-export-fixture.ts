import Database from 'better-sqlite3';
import { recountRollups } from '../server/store/sqlite/rollup-keeper';

/** Milliseconds between two synthetic calls' starts (`syntheticCall` in bench-export.ts). */
export const START_STEP_MS = 47_000;

/** The synthetic call `i`'s id, as JavaScript writes it and as `copyCalls` computes it in SQL. */
export const syntheticId = (i: number) => `con.${1_700_000_000 + i}.b${i}`;

/** A whole-second epoch-ms expression as a Trata timestamp (`formatTrataTimestamp`). */
const trataTime = (ms: string) =>
  `strftime('%Y-%m-%dT%H:%M:%S', (${ms}) / 1000, 'unixepoch') || '.000000'`;

/**
 * Fills a SQLite index whose first `base` rows (rids 1…base) are synthetic calls 0…base-1,
 * written through the store, up to `total` calls: copies of those rows `base` calls later each
 * time, with their own ids and start times, in SQL. Writing a million calls through the store
 * costs minutes of CPU (each call's record, phone number parse and hash) that a fixture of
 * repeated calls does not need; every table and count the store keeps is written (the counts
 * and rollups recounted at the end), so the server reads the copies as it reads the rest.
 */
export function copyCalls(file: string, base: number, total: number): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -262144');
    const columns = (
      db.prepare("SELECT name FROM pragma_table_info('calls')").pluck().all() as string[]
    ).filter((name) => name !== 'rid');
    // Bound numbers arrive as REAL: the cast keeps `.0` out of the ids.
    const i = 'CAST(rid - 1 + @offset AS INTEGER)';
    const id = `('con.' || (1700000000 + ${i}) || '.b' || ${i})`;
    const shift = `@offset * ${START_STEP_MS}`;
    const overrides: Record<string, string> = {
      id,
      id_l: `lower(${id})`,
      ts_start: `ts_start + ${shift}`,
      ts_end: `ts_end + ${shift}`,
      created_at: `created_at + ${shift}`,
      updated_at: `updated_at + ${shift}`,
      item: `json_set(item, '$.id', ${id}, '$.timestampStart', ${trataTime(`ts_start + ${shift}`)},
        '$.timestampEnd', ${trataTime(`ts_end + ${shift}`)})`,
    };
    const copies = [
      db.prepare(
        `INSERT INTO calls (rid, ${columns.join(', ')})
         SELECT rid + @offset, ${columns.map((name) => overrides[name] ?? name).join(', ')}
         FROM calls WHERE rid <= @count`,
      ),
      // Documents are stored deflated, which SQL cannot rewrite: a copy keeps its original's.
      // Only a call page reads one; an export reads the rows above.
      db.prepare(
        'INSERT INTO call_docs (rid, doc) SELECT rid + @offset, doc FROM call_docs WHERE rid <= @count',
      ),
      db.prepare(
        `INSERT INTO call_texts (rid, t_len, s_len, search_l)
         SELECT rid + @offset, t_len, s_len, search_l FROM call_texts WHERE rid <= @count`,
      ),
      // Their texts wait for the trigram index, as the rows written with `deferText` do.
      db.prepare(
        'INSERT INTO calls_fts_pending (rid) SELECT rid + @offset FROM calls_fts_pending WHERE rid <= @count',
      ),
    ];
    for (let offset = base; offset < total; offset += base) {
      const count = Math.min(base, total - offset);
      db.transaction(() => {
        for (const copy of copies) copy.run({ offset, count });
      })();
      process.stdout.write(`  ${(offset + count).toLocaleString('en')}\r`);
    }
    recountRollups(db);
  } finally {
    db.close();
  }
}
