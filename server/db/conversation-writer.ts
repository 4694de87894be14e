import type { Db } from './open-database';
import { countKeys, type ConversationRow } from './row-mapping';

const COLUMNS = [
  'id',
  'status',
  'source_type',
  'prospect_id',
  'ts_start',
  'ts_end',
  'created_at',
  'updated_at',
  'duration',
  'caller_name',
  'sentiment',
  'prospect_status',
  'id_l',
  'prospect_l',
  'agent_l',
  'name_l',
  'phone_d',
  'email_l',
] as const;
const SHORT = ['id_l', 'prospect_l', 'agent_l', 'name_l', 'phone_d', 'email_l'] as const;

/** The FTS5 `hashsize` a bulk load builds its indexes with (see `rebuildFts`). */
const FTS_HASH_BYTES = 64 * 1024 * 1024;

const list = (names: readonly string[], prefix = '') => names.map((n) => prefix + n).join(', ');

/**
 * The write statements shared by inserts, updates and the v1 migration. Callers own the
 * transaction: every method here must run inside one, so the tables, the FTS indexes and the
 * counts never disagree.
 */
export function createConversationWriter(db: Db) {
  const insertConversation = db.prepare(
    `INSERT INTO conversations (${list(COLUMNS)}) VALUES (${list(COLUMNS, '@')})`,
  );
  const updateConversation = db.prepare(
    `UPDATE conversations SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE rid = @rid`,
  );
  const insertDoc = db.prepare('INSERT INTO docs (rid, doc) VALUES (?, ?)');
  const updateDoc = db.prepare('UPDATE docs SET doc = ? WHERE rid = ?');
  const insertText = db.prepare(
    'INSERT INTO texts (rid, transcript_l, summary_l) VALUES (@rid, @transcript_l, @summary_l)',
  );
  const updateText = db.prepare(
    'UPDATE texts SET transcript_l = @transcript_l, summary_l = @summary_l WHERE rid = @rid',
  );
  const ftsShort = (verb: string) =>
    db.prepare(
      `INSERT INTO fts_short (${verb ? 'fts_short, ' : ''}rowid, ${list(SHORT)})
       VALUES (${verb ? `'${verb}', ` : ''}@rid, ${list(SHORT, '@')})`,
    );
  const ftsText = (table: string, column: string, verb: string) =>
    db.prepare(
      `INSERT INTO ${table} (${verb ? `${table}, ` : ''}rowid, ${column})
       VALUES (${verb ? `'${verb}', ` : ''}@rid, @${column})`,
    );
  const fts = {
    short: { add: ftsShort(''), remove: ftsShort('delete') },
    transcript: {
      add: ftsText('fts_transcript', 'transcript_l', ''),
      remove: ftsText('fts_transcript', 'transcript_l', 'delete'),
    },
    summary: {
      add: ftsText('fts_summary', 'summary_l', ''),
      remove: ftsText('fts_summary', 'summary_l', 'delete'),
    },
  };
  const addCount = db.prepare(
    `INSERT INTO value_counts (field, value, status, n) VALUES (?, ?, ?, ?)
     ON CONFLICT (field, value, status) DO UPDATE SET n = n + excluded.n`,
  );

  function applyCounts(deltas: Map<string, number>): void {
    for (const [key, delta] of deltas) {
      if (delta === 0) continue;
      const [field, value, status] = key.split('\u0001') as [string, string, string];
      addCount.run(field, value, status, delta);
    }
  }

  function shortValues(row: ConversationRow, rid: number) {
    return {
      rid,
      id_l: row.id_l,
      prospect_l: row.prospect_l,
      agent_l: row.agent_l,
      name_l: row.name_l,
      phone_d: row.phone_d,
      email_l: row.email_l,
    };
  }

  function indexText(row: ConversationRow, rid: number, verb: 'add' | 'remove'): void {
    fts.short[verb].run(shortValues(row, rid));
    fts.transcript[verb].run({ rid, transcript_l: row.transcript_l });
    fts.summary[verb].run({ rid, summary_l: row.summary_l });
  }

  /** Inserts rows; `withFts: false` leaves the FTS indexes to a later `rebuildFts`. */
  function insertRows(rows: readonly ConversationRow[], withFts = true): void {
    const deltas = new Map<string, number>();
    for (const row of rows) {
      const { doc, transcript_l, summary_l, ...columns } = row;
      const rid = Number(insertConversation.run(pick(columns)).lastInsertRowid);
      insertDoc.run(rid, doc);
      insertText.run({ rid, transcript_l, summary_l });
      if (withFts) indexText(row, rid, 'add');
      for (const key of countKeys(row)) deltas.set(key, (deltas.get(key) ?? 0) + 1);
    }
    applyCounts(deltas);
  }

  function replaceRow(rid: number, before: ConversationRow, after: ConversationRow): void {
    indexText(before, rid, 'remove');
    updateConversation.run({ ...pick(after), rid });
    updateDoc.run(after.doc, rid);
    updateText.run({ rid, transcript_l: after.transcript_l, summary_l: after.summary_l });
    indexText(after, rid, 'add');
    const deltas = new Map<string, number>();
    for (const key of countKeys(before)) deltas.set(key, (deltas.get(key) ?? 0) - 1);
    for (const key of countKeys(after)) deltas.set(key, (deltas.get(key) ?? 0) + 1);
    applyCounts(deltas);
  }

  function rebuildFts(): void {
    for (const table of ['fts_short', 'fts_transcript', 'fts_summary']) {
      // Trigrams gather in memory up to this size before a segment is written: with the default
      // (1 MB) a rebuild of a million transcripts writes and merges thousands of small segments.
      // (A literal: FTS5 refuses a bound value here.)
      db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`);
      db.prepare(`INSERT INTO ${table} (${table}) VALUES ('rebuild')`).run();
    }
  }

  return { insertRows, replaceRow, rebuildFts };
}

function pick(row: Omit<ConversationRow, 'doc' | 'transcript_l' | 'summary_l'> | ConversationRow) {
  const out: Record<string, unknown> = {};
  for (const column of COLUMNS) out[column] = row[column];
  return out;
}
