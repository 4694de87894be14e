import type Database from 'better-sqlite3';
import { countSlowAnswers, type Conversation } from '../../../contract';

/**
 * What insights read, one migration step of the index: each call's slow AI answers
 * (`slow_answers`, counted from the transcript when the call is written) and an index that
 * holds every column an insights figure groups, filters or sums by, in start order, so a window
 * is read from the index alone.
 */
export function insightsStep(db: Database.Database): void {
  db.exec('ALTER TABLE calls ADD COLUMN slow_answers INTEGER NOT NULL DEFAULT 0');
  const rows = db
    .prepare<[], { rid: number; doc: string }>(
      'SELECT c.rid AS rid, d.doc AS doc FROM calls c JOIN call_docs d ON d.rid = c.rid',
    )
    .iterate();
  const update = db.prepare('UPDATE calls SET slow_answers = ? WHERE rid = ?');
  const counts: [number, number][] = [];
  for (const row of rows) {
    const slow = countSlowAnswers(JSON.parse(row.doc) as Conversation);
    if (slow > 0) counts.push([slow, row.rid]);
  }
  for (const [slow, rid] of counts) update.run(slow, rid);
  db.exec(`CREATE INDEX calls_insights ON calls (ts_start, sentiment, prospect_status, agent_id,
    consent, source_type, status, duration, slow_answers)`);
}
