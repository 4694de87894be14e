import { describe, expect, it } from 'vitest';
import type { CallListItem } from '@contract';
import type { ConversationPage, ConversationRow } from '@/lib/conversations-api';
import { countNewRows } from './new-rows';

const row = (id: string): ConversationRow => ({
  kind: 'ok',
  conversation: { id, timestampStart: '2026-11-20T10:00:00' } as CallListItem,
});
const page = (...ids: string[]): ConversationPage => ({ rows: ids.map(row), total: ids.length });

describe('countNewRows', () => {
  it('counts the calls the refreshed page adds', () => {
    expect(countNewRows(page('c', 'b', 'a'), page('e', 'd', 'c'))).toBe(2);
  });

  it('is zero when the same calls come back, even with new details or in another order', () => {
    expect(countNewRows(page('b', 'a'), page('a', 'b'))).toBe(0);
    expect(countNewRows(page('b', 'a'), page('b'))).toBe(0);
  });

  it('ignores rows that could not be read', () => {
    const fresh: ConversationPage = {
      rows: [{ kind: 'invalid', index: 0, id: null, problem: 'x' }, row('a')],
      total: 2,
    };
    expect(countNewRows(page('a'), fresh)).toBe(0);
  });
});
