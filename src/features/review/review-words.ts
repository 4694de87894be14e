import type { DeliveryState, HistoryEntry, ReviewStatus } from '@contract';
import { formatClock } from '@/lib/format';

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  to_review: 'To review',
  reviewed: 'Reviewed',
  follow_up: 'Needs follow-up',
};

/** A sign beside each status, so it never rests on colour alone. */
export const STATUS_SIGNS: Record<ReviewStatus, string> = {
  to_review: '○',
  reviewed: '✓',
  follow_up: '⚑',
};

export const DELIVERY_LABELS: Record<DeliveryState, string> = {
  none: 'Nothing to send yet',
  saved: 'Saved in Callscope',
  pending: 'Pending for Trata',
  sent: 'Sent to Trata',
  failed: 'Failed to reach Trata',
};

const QUOTE_MAX = 80;

function quote(value: HistoryEntry['from']): string {
  if (value === null) return 'nothing';
  const chars = [...String(value)];
  const text =
    chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : chars.join('');
  return `“${text}”`;
}

function statusWord(value: HistoryEntry['from']): string {
  return typeof value === 'string' && value in STATUS_LABELS
    ? STATUS_LABELS[value as ReviewStatus].toLowerCase()
    : 'no status';
}

const place = (value: HistoryEntry['from']) =>
  typeof value === 'number' ? formatClock(value) : 'the whole call';

/**
 * One change in words, without who or when: "rated 4 (was 3)". Values are quoted as text; the
 * caller renders them as text nodes, never HTML.
 */
export function describeChange(entry: HistoryEntry, actionItems: readonly string[] = []): string {
  const { from, to } = entry;
  switch (entry.kind) {
    case 'rating':
      return from === null ? `rated ${to}` : `rated ${to} (was ${from})`;
    case 'status':
      return `set the status to ${statusWord(to)} (was ${statusWord(from)})`;
    case 'follow_up_reason':
      return to === null
        ? 'cleared the follow-up reason'
        : `gave the follow-up reason ${quote(to)}`;
    case 'comment_added':
      return `commented ${quote(to)}`;
    case 'comment_edited':
      return `edited a comment from ${quote(from)} to ${quote(to)}`;
    case 'comment_moved':
      return `moved a comment from ${place(from)} to ${place(to)}`;
    case 'comment_deleted':
      return `deleted the comment ${quote(from)}`;
    case 'action_item': {
      const index = Number(entry.target);
      const item = Number.isInteger(index) ? actionItems[index] : undefined;
      const what =
        item === undefined ? `action item ${index + 1}` : `the action item ${quote(item)}`;
      return `${to === true ? 'checked' : 'unchecked'} ${what}`;
    }
  }
}
