import type Database from 'better-sqlite3';

/**
 * The review tables, one migration step of the index (appended to `MIGRATIONS`).
 *
 * - `reviews`: one row per call and reviewer (rating, status, follow-up reason, version).
 * - `review_comments`: comments, anchored (`at_seconds`) or on the whole call, with a version.
 * - `review_history`: every change, who and when, with the value before and after (JSON).
 * - `action_item_checks`: a call's checked action items, by index, with the text then shown.
 * - `call_review_state`: per call, the state a list filters on (follow-up wins over reviewed,
 *   which wins over to review) and the counts a row shows; kept in step with `reviews`.
 * - `review_outbox`: per call and reviewer, the verdict generation to deliver to Trata and the
 *   last generation delivered. A change bumps `generation` in the same transaction.
 */
export function reviewTablesStep(db: Database.Database): void {
  db.exec(`
    CREATE TABLE reviews (
      call_id TEXT NOT NULL,
      reviewer TEXT NOT NULL,
      rating INTEGER,
      status TEXT NOT NULL,
      follow_up_reason TEXT,
      version INTEGER NOT NULL,
      created_at REAL NOT NULL,
      updated_at REAL NOT NULL,
      PRIMARY KEY (call_id, reviewer)
    ) WITHOUT ROWID;
    CREATE INDEX reviews_reviewer ON reviews (reviewer, status);
    CREATE TABLE review_comments (
      id TEXT PRIMARY KEY,
      call_id TEXT NOT NULL,
      author TEXT NOT NULL,
      text TEXT NOT NULL,
      at_seconds REAL,
      version INTEGER NOT NULL,
      created_at REAL NOT NULL,
      updated_at REAL NOT NULL
    );
    CREATE INDEX review_comments_call ON review_comments (call_id, created_at);
    CREATE TABLE review_history (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      call_id TEXT NOT NULL,
      at REAL NOT NULL,
      actor TEXT NOT NULL,
      kind TEXT NOT NULL,
      target TEXT,
      from_value TEXT,
      to_value TEXT
    );
    CREATE INDEX review_history_call ON review_history (call_id, seq);
    CREATE TABLE action_item_checks (
      call_id TEXT NOT NULL,
      item_index INTEGER NOT NULL,
      text TEXT NOT NULL,
      checked INTEGER NOT NULL,
      by TEXT NOT NULL,
      at REAL NOT NULL,
      PRIMARY KEY (call_id, item_index)
    ) WITHOUT ROWID;
    CREATE TABLE call_review_state (
      call_id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      reviewers INTEGER NOT NULL,
      rating_sum INTEGER NOT NULL,
      rating_count INTEGER NOT NULL,
      comments INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX call_review_state_state ON call_review_state (state);
    CREATE TABLE review_outbox (
      call_id TEXT NOT NULL,
      reviewer TEXT NOT NULL,
      generation INTEGER NOT NULL,
      sent_generation INTEGER NOT NULL,
      state TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      next_at REAL NOT NULL,
      reason TEXT,
      sent_at REAL,
      PRIMARY KEY (call_id, reviewer)
    ) WITHOUT ROWID;
    CREATE INDEX review_outbox_due ON review_outbox (state, next_at);
  `);
}
