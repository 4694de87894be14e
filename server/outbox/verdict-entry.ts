import type { AdminComment, ReviewStatus } from '../../contract';
import type { Verdict } from '../store/review-types';

/**
 * How a Callscope verdict reads in Trata's `adminComments`: the first line names the reviewer,
 * and only an entry whose first line is exactly `[Callscope review] <name>` is that reviewer's.
 * Every other entry (written by people in Trata, or by other tools) is foreign and kept as is.
 *
 *     [Callscope review] Dana Reyes
 *     Needs follow-up: the caller asked for a refund. Rating 2/5.
 *     1:23 The agent quoted last year's price.
 *     Whole call: No callback was offered.
 */
export const VERDICT_PREFIX = '[Callscope review] ';
/** Trata's limit is unknown; the contract allows 10,000 characters and we stay well under. */
export const VERDICT_TEXT_MAX = 4_000;

const STATUS_WORDS: Record<ReviewStatus, string> = {
  to_review: 'To review',
  reviewed: 'Reviewed',
  follow_up: 'Needs follow-up',
};

export function formatMoment(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The reviewer an entry belongs to, or null for a foreign entry. */
export function reviewerOfEntry(entry: unknown): string | null {
  if (entry === null || typeof entry !== 'object') return null;
  const comment = (entry as { comment?: unknown }).comment;
  if (typeof comment !== 'string' || !comment.startsWith(VERDICT_PREFIX)) return null;
  const end = comment.indexOf('\n');
  const name = comment.slice(VERDICT_PREFIX.length, end === -1 ? undefined : end);
  return name.length > 0 ? name : null;
}

/** One reviewer's verdict as the `adminComments` entry Callscope writes for them. */
export function verdictEntry(verdict: Verdict): AdminComment {
  const status =
    verdict.status === 'follow_up' && verdict.followUpReason
      ? `${STATUS_WORDS.follow_up}: ${oneLine(verdict.followUpReason)}`
      : STATUS_WORDS[verdict.status];
  const lines = [`${VERDICT_PREFIX}${verdict.reviewer}`, `${status}. Rating ${verdict.rating}/5.`];
  let length = lines.join('\n').length;
  const comments = verdict.comments.map(
    (comment) =>
      `${comment.atSeconds === null ? 'Whole call:' : formatMoment(comment.atSeconds)} ${oneLine(comment.text)}`,
  );
  for (const [index, line] of comments.entries()) {
    const rest = comments.length - index;
    const more = `… and ${rest} more in Callscope.`;
    if (length + 1 + line.length + 1 + more.length > VERDICT_TEXT_MAX) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return { comment: lines.join('\n'), rating: verdict.rating ?? 1 };
}
