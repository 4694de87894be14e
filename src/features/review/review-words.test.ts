import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@contract';
import { describeChange } from './review-words';

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  at: '2026-12-02T10:00:00.000Z',
  actor: 'Dana',
  kind: 'rating',
  target: null,
  from: null,
  to: null,
  ...overrides,
});

describe('a change of a review in words', () => {
  it('says a rating and what it was', () => {
    expect(describeChange(entry({ kind: 'rating', to: 4 }))).toBe('rated 4');
    expect(describeChange(entry({ kind: 'rating', from: 3, to: 4 }))).toBe('rated 4 (was 3)');
  });

  it('names statuses in words', () => {
    expect(describeChange(entry({ kind: 'status', from: 'to_review', to: 'follow_up' }))).toBe(
      'set the status to needs follow-up (was to review)',
    );
  });

  it('quotes comment text and shortens a long one', () => {
    expect(describeChange(entry({ kind: 'comment_added', to: '<b>hi</b>' }))).toBe(
      'commented “<b>hi</b>”',
    );
    const long = describeChange(entry({ kind: 'comment_deleted', from: 'x'.repeat(200) }));
    expect(long).toHaveLength('deleted the comment “”'.length + 80);
    expect(long.endsWith('…”')).toBe(true);
  });

  it('says where a comment moved', () => {
    expect(describeChange(entry({ kind: 'comment_moved', from: 83, to: null }))).toBe(
      'moved a comment from 1:23 to the whole call',
    );
  });

  it('names the action item when the call still has it', () => {
    const items = ['Call back Friday'];
    expect(
      describeChange(entry({ kind: 'action_item', target: '0', from: false, to: true }), items),
    ).toBe('checked the action item “Call back Friday”');
    expect(describeChange(entry({ kind: 'action_item', target: '3', to: false }), items)).toBe(
      'unchecked action item 4',
    );
  });
});
