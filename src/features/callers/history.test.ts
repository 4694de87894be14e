import { describe, expect, it } from 'vitest';
import { secondsBetween } from '@contract';
import { allCallsHref, buildHistory, referenceText, type HistoryCall } from './history';

const call = (id: string, start: string, status: string | null, end?: string): HistoryCall => ({
  id,
  timestampStart: start,
  timestampEnd: end ?? null,
  durationSeconds: secondsBetween(start, end),
  prospectStatus: status,
  sentiment: 'neutral',
});

describe('buildHistory', () => {
  const calls = [
    call('c2', '2026-10-10T10:00:00', 'SCHEDULED_APPOINTMENT_FOR_SERVICE'),
    call('c1', '2026-10-01T09:00:00', 'GENERAL_ENQUIRY', '2026-10-01T09:02:05'),
    call('c3', '2026-10-20T10:00:00Z', null),
    call('c4', '2026-10-30T10:00:00', 'SERVICE_ORDER_PLACED'),
    call('c2', '2026-10-10T10:00:00', 'SCHEDULED_APPOINTMENT_FOR_SERVICE'),
  ];
  const history = buildHistory(calls, 'c2');

  it('lists each call once, newest first, the current call marked', () => {
    expect(history.entries.map((e) => e.id)).toEqual(['c4', 'c3', 'c2', 'c1']);
    expect(history.entries.filter((e) => e.current).map((e) => e.id)).toEqual(['c2']);
    expect(history.entries.at(-1)!.seconds).toBe(125);
  });

  it('shows where each change of the lead status came from, across calls without one', () => {
    expect(history.entries.map((e) => [e.id, e.statusBefore, e.status])).toEqual([
      ['c4', 'SCHEDULED_APPOINTMENT_FOR_SERVICE', 'SERVICE_ORDER_PLACED'],
      ['c3', null, null],
      ['c2', 'GENERAL_ENQUIRY', 'SCHEDULED_APPOINTMENT_FOR_SERVICE'],
      ['c1', null, 'GENERAL_ENQUIRY'],
    ]);
  });

  it('gives first and last contact, and nothing for no calls', () => {
    expect(history.firstContactMs).toBe(Date.UTC(2026, 9, 1, 9));
    expect(history.lastContactMs).toBe(Date.UTC(2026, 9, 30, 10));
    expect(buildHistory([], 'x')).toEqual({
      entries: [],
      firstContactMs: null,
      lastContactMs: null,
    });
  });
});

describe('helpers', () => {
  it('links to the list filtered to the prospect, encoded', () => {
    expect(allCallsHref('pro.1 &x')).toBe('/?search_by=prospectId&search_value=pro.1+%26x');
  });
  it('shows references as text', () => {
    expect(referenceText('crm:1')).toBe('crm:1');
    expect(referenceText({ system: 'hubspot', id: 7 })).toBe('system: hubspot, id: 7');
  });
});
