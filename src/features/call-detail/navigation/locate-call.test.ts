import { describe, expect, it } from 'vitest';
import type { CallListItem } from '@contract';
import type { ConversationPage } from '@/lib/conversations-api';
import type { ListParams } from '@/lib/list-params';
import { compareInDefaultOrder, locateInDefaultList } from './locate-call';

/** `count` calls, newest first, one minute apart; two share a time to test the tie on id. */
function list(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `con.${String(count - index).padStart(5, '0')}`,
    timestampStart: new Date(Date.UTC(2026, 0, 1) - (index === 5 ? 4 : index) * 60_000)
      .toISOString()
      .slice(0, 19),
  }));
}

function server(calls: { id: string; timestampStart: string }[], sendsTotal = true) {
  const requests: number[] = [];
  const fetchPage = (params: ListParams): Promise<ConversationPage> => {
    requests.push(params.skip);
    const rows = calls.slice(params.skip, params.skip + params.limit).map((conversation) => ({
      kind: 'ok' as const,
      conversation: conversation as unknown as CallListItem,
    }));
    return Promise.resolve({ rows, total: sendsTotal ? calls.length : null });
  };
  return { fetchPage, requests };
}

describe('compareInDefaultOrder', () => {
  it('puts newer calls first, and equal times in descending id', () => {
    const call = { id: 'con.b', timestampStart: '2026-01-01T10:00:00' };
    const newer = { id: 'con.a', timestampStart: '2026-01-01T11:00:00' };
    const older = { id: 'con.z', timestampStart: '2026-01-01T09:00:00' };
    expect(compareInDefaultOrder(newer, call)).toBe(-1);
    expect(compareInDefaultOrder(older, call)).toBe(1);
    expect(compareInDefaultOrder({ ...call, id: 'con.c' }, call)).toBe(-1);
    expect(compareInDefaultOrder({ ...call, id: 'con.a' }, call)).toBe(1);
    expect(compareInDefaultOrder(call, call)).toBe(0);
    expect(compareInDefaultOrder({ ...call, id: 'x', timestampStart: null }, call)).toBeNaN();
  });
});

describe('locateInDefaultList', () => {
  const calls = list(2000);
  it.each([0, 4, 5, 24, 25, 26, 999, 1234, 1975, 1999])(
    'finds the page of call #%i in a few requests',
    async (index) => {
      const { fetchPage, requests } = server(calls);
      const search = await locateInDefaultList(calls[index]!, fetchPage);
      const skip = Math.floor(index / 25) * 25;
      expect(search).toBe(skip === 0 ? '' : `?skip=${skip}`);
      expect(requests.length).toBeLessThanOrEqual(10);
    },
  );

  it('finds it without a total as well, by doubling until past the end', async () => {
    const { fetchPage, requests } = server(calls, false);
    expect(await locateInDefaultList(calls[1975]!, fetchPage)).toBe('?skip=1975');
    expect(requests.length).toBeLessThanOrEqual(12);
  });

  it('gives up on a call that is not listed, or has no time', async () => {
    const { fetchPage } = server(calls);
    const gone = {
      id: 'con.gone',
      timestampStart: calls[500]!.timestampStart.replace(/:00$/, ':30'),
    };
    expect(await locateInDefaultList(gone, fetchPage)).toBeNull();
    const older = { id: 'con.old', timestampStart: '2000-01-01T00:00:00' };
    expect(await locateInDefaultList(older, fetchPage)).toBeNull();
    expect(await locateInDefaultList({ id: 'con.x', timestampStart: null }, fetchPage)).toBeNull();
  });
});
