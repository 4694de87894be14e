/**
 * The review tables on PostgreSQL, migrations of the `reviews` component. Names and columns
 * mirror SQLite's (`sqlite/review-migration.ts`): the call list's review filter joins `reviews`
 * and `call_review_state` in either dialect. Times are epoch milliseconds in `double precision`,
 * as SQLite's REAL, so they come back as JS numbers.
 *
 * Beside them, two tables SQLite keeps in memory:
 * - `review_outbox_claims`: one row per call with an outbox entry, holding until when a worker
 *   has claimed it. Replicas lock these rows (`FOR UPDATE SKIP LOCKED`) to claim, one row per
 *   call, so two reviewers' rows of a call can never go to two workers.
 * - `review_epoch`: one counter row, bumped in every change's transaction, so the epoch seen by
 *   any replica grows with changes made by all of them, and only once they are committed.
 */
export const REVIEW_STEPS: readonly string[] = [
  `CREATE TABLE reviews (
     call_id text NOT NULL,
     reviewer text NOT NULL,
     rating integer,
     status text NOT NULL,
     follow_up_reason text,
     version integer NOT NULL,
     created_at double precision NOT NULL,
     updated_at double precision NOT NULL,
     PRIMARY KEY (call_id, reviewer)
   );
   CREATE INDEX reviews_reviewer ON reviews (reviewer, status);
   CREATE TABLE review_comments (
     id text PRIMARY KEY,
     call_id text NOT NULL,
     author text NOT NULL,
     text text NOT NULL,
     at_seconds double precision,
     version integer NOT NULL,
     created_at double precision NOT NULL,
     updated_at double precision NOT NULL
   );
   CREATE INDEX review_comments_call ON review_comments (call_id, created_at);
   CREATE TABLE review_history (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     call_id text NOT NULL,
     at double precision NOT NULL,
     actor text NOT NULL,
     kind text NOT NULL,
     target text,
     from_value text,
     to_value text
   );
   CREATE INDEX review_history_call ON review_history (call_id, seq);
   CREATE TABLE action_item_checks (
     call_id text NOT NULL,
     item_index integer NOT NULL,
     text text NOT NULL,
     checked integer NOT NULL,
     "by" text NOT NULL,
     at double precision NOT NULL,
     PRIMARY KEY (call_id, item_index)
   );
   CREATE TABLE call_review_state (
     call_id text PRIMARY KEY,
     state text NOT NULL,
     reviewers integer NOT NULL,
     rating_sum integer NOT NULL,
     rating_count integer NOT NULL,
     comments integer NOT NULL
   );
   CREATE INDEX call_review_state_state ON call_review_state (state);
   CREATE TABLE review_outbox (
     call_id text NOT NULL,
     reviewer text NOT NULL,
     generation integer NOT NULL,
     sent_generation integer NOT NULL,
     state text NOT NULL,
     attempts integer NOT NULL,
     next_at double precision NOT NULL,
     reason text,
     sent_at double precision,
     PRIMARY KEY (call_id, reviewer)
   );
   CREATE INDEX review_outbox_due ON review_outbox (state, next_at);
   CREATE TABLE review_outbox_claims (
     call_id text PRIMARY KEY,
     claimed_until double precision NOT NULL DEFAULT 0
   );
   CREATE TABLE review_epoch (
     id boolean PRIMARY KEY DEFAULT true CHECK (id),
     value bigint NOT NULL
   );
   INSERT INTO review_epoch (id, value) VALUES (true, 0);`,
];
