import type Database from 'better-sqlite3';
import type { CallRecord } from '../call-record';
import { ROLLUP_COLUMNS, type RollupKeeper, type RollupRow } from './rollup-keeper';

const COLUMNS = {
  id: 'id',
  status: 'status',
  source_type: 'sourceType',
  agent_id: 'agentId',
  prospect_id: 'prospectId',
  ts_start: 'tsStart',
  ts_end: 'tsEnd',
  created_at: 'createdAt',
  updated_at: 'updatedAt',
  duration: 'duration',
  caller_name: 'callerName',
  sentiment: 'sentiment',
  prospect_status: 'prospectStatus',
  consent: 'consent',
  slow_answers: 'slowAnswers',
  id_l: 'idL',
  prospect_l: 'prospectL',
  agent_l: 'agentL',
  name_l: 'nameL',
  phone_d: 'phoneD',
  email_l: 'emailL',
  item: 'item',
} as const satisfies Record<string, keyof CallRecord>;
const NAMES = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

/** Code points, as SQLite's `substr` counts them on TEXT. */
const length = (text: string) => [...text].length;

const rollupRowOf = (record: CallRecord): RollupRow => ({
  ts_start: record.tsStart,
  sentiment: record.sentiment,
  prospect_status: record.prospectStatus,
  consent: record.consent,
  agent_id: record.agentId,
  status: record.status,
  source_type: record.sourceType,
  duration: record.duration,
  slow_answers: record.slowAnswers,
});

/**
 * The write statements of the index. Callers own the transaction, so the row, its document,
 * its text, its trigram entries and the counts in `rollups` never disagree (the caller flushes
 * the counts before it commits).
 */
export function createCallWriter(db: Database.Database, rollups: RollupKeeper) {
  // Values are bound by position (see `params`): binding two dozen named ones per row showed in
  // a profile of the backfill.
  const insertCall = db.prepare(
    `INSERT INTO calls (${NAMES.join(', ')}, doc_hash, seen_sweep, synced_at)
     VALUES (${NAMES.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  const updateCall = db.prepare(
    `UPDATE calls SET ${NAMES.map((name) => `${name} = ?`).join(', ')},
       doc_hash = ?, seen_sweep = coalesce(?, seen_sweep), synced_at = ?
     WHERE rid = ?`,
  );
  const find = db.prepare<[string], { rid: number; docHash: string }>(
    'SELECT rid, doc_hash AS docHash FROM calls WHERE id = ?',
  );
  const rollupRow = db.prepare<[number], RollupRow>(
    `SELECT ${ROLLUP_COLUMNS} FROM calls WHERE rid = ?`,
  );
  const markSeen = db.prepare('UPDATE calls SET seen_sweep = ? WHERE rid = ?');
  const putDoc = db.prepare('INSERT OR REPLACE INTO call_docs (rid, doc) VALUES (?, ?)');
  const putText = db.prepare(
    'INSERT OR REPLACE INTO call_texts (rid, t_len, s_len, search_l) VALUES (?, ?, ?, ?)',
  );
  const addFts = db.prepare('INSERT INTO calls_fts (rowid, search_l) VALUES (?, ?)');
  const removeFts = db.prepare('DELETE FROM calls_fts WHERE rowid = ?');
  const defer = db.prepare('INSERT OR IGNORE INTO calls_fts_pending (rid) VALUES (?)');
  const isDeferred = db.prepare<[number], number>('SELECT 1 FROM calls_fts_pending WHERE rid = ?');
  const removeRows = [
    db.prepare('DELETE FROM calls WHERE rid = ?'),
    db.prepare('DELETE FROM call_docs WHERE rid = ?'),
    db.prepare('DELETE FROM call_texts WHERE rid = ?'),
    db.prepare('DELETE FROM calls_fts_pending WHERE rid = ?'),
  ];

  const FIELDS = NAMES.map((name) => COLUMNS[name]);
  const params = (record: CallRecord, hash: string, sweep: string | null, now: number) => {
    const values: unknown[] = FIELDS.map((field) => record[field]);
    values.push(hash, sweep, now);
    return values;
  };
  /** A deferred text is found by a scan until `indexDeferred` adds its trigrams. */
  const writeTexts = (rid: number, record: CallRecord, deferText: boolean) => {
    putDoc.run(rid, record.docPacked);
    putText.run(rid, length(record.transcriptL), length(record.summaryL), record.searchL);
    if (deferText) defer.run(rid);
    else addFts.run(rid, record.searchL);
  };
  const takeDeferred = db
    .prepare<[number], number>('SELECT rid FROM calls_fts_pending ORDER BY rid LIMIT ?')
    .pluck();
  const textOf = db
    .prepare<[number], string>('SELECT search_l FROM call_texts WHERE rid = ?')
    .pluck();
  const undefer = db.prepare('DELETE FROM calls_fts_pending WHERE rid = ?');

  return {
    find: (id: string) => find.get(id),
    insert(record: CallRecord, hash: string, sweep: string | null, now: number, deferText = false) {
      const rid = Number(insertCall.run(...params(record, hash, sweep, now)).lastInsertRowid);
      rollups.added(rollupRowOf(record));
      writeTexts(rid, record, deferText);
    },
    update(
      rid: number,
      record: CallRecord,
      hash: string,
      sweep: string | null,
      now: number,
      deferText = false,
    ) {
      const before = rollupRow.get(rid)!;
      updateCall.run(...params(record, hash, sweep, now), rid);
      rollups.changed(before, rollupRowOf(record));
      // A text still waiting for its trigrams has none to remove, and keeps waiting.
      const waiting = isDeferred.get(rid) !== undefined;
      if (!waiting) removeFts.run(rid);
      writeTexts(rid, record, waiting || deferText);
    },
    markSeen: (rid: number, sweep: string) => markSeen.run(sweep, rid),
    remove(id: string): boolean {
      const row = find.get(id);
      if (!row) return false;
      rollups.removed(rollupRow.get(row.rid)!);
      if (isDeferred.get(row.rid) === undefined) removeFts.run(row.rid);
      for (const statement of removeRows) statement.run(row.rid);
      return true;
    },
    /** Adds the trigrams of up to `max` deferred texts, oldest writes first; returns how many. */
    indexDeferred(max: number): number {
      const rids = takeDeferred.all(max);
      for (const rid of rids) {
        const text = textOf.get(rid);
        if (text !== undefined) addFts.run(rid, text);
        undefer.run(rid);
      }
      return rids.length;
    },
  };
}
