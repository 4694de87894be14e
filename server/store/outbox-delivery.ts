import type { CallDelivery, DeliveryState, ReviewerDelivery } from '../../contract';

export const QUEUED = 'Waiting to be sent to Trata.';
export const NEEDS_RATING = 'Saved in Callscope; a verdict goes to Trata once it has a rating.';

/** An outbox row as either backend reads it (times in epoch ms). */
export interface OutboxRow {
  reviewer: string;
  state: DeliveryState;
  attempts: number;
  next_at: number;
  reason: string | null;
  sent_at: number | null;
}

/** Failed first, then pending, sent and saved: what a call's single delivery line shows. */
const PRESSING: DeliveryState[] = ['failed', 'pending', 'sent', 'saved'];
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A call's delivery as the review panel shows it, from its outbox rows by reviewer. */
export function callDelivery(rows: OutboxRow[]): CallDelivery {
  const reviewers: ReviewerDelivery[] = rows.map((row) => ({
    reviewer: row.reviewer,
    state: row.state,
    reason: row.reason,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? iso(row.next_at) : null,
    sentAt: iso(row.sent_at),
  }));
  const worst = PRESSING.find((state) => reviewers.some((row) => row.state === state));
  if (!worst) return { state: 'none', reason: null, reviewers };
  return {
    state: worst,
    reason: reviewers.find((row) => row.state === worst)?.reason ?? null,
    reviewers,
  };
}
