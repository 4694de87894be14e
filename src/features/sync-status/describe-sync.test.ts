import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@contract';
import { asOf, backfillProgress, describeSync, lastSyncAt, reasonInWords } from './describe-sync';

const NOW = Date.UTC(2026, 11, 2, 14, 30, 0);
const options = { now: NOW, receivedAt: NOW, locale: 'en-US', timeZone: 'UTC' };

function status(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: 'idle',
    indexed: 2000,
    lastSuccessAt: new Date(NOW - 12_000).toISOString(),
    lagSeconds: 12,
    lastError: null,
    backfill: { done: true, seen: 2000, total: 2000 },
    notes: [],
    skipped: [],
    skippedCount: 0,
    ...overrides,
  };
}

describe('describeSync', () => {
  it('says how long ago the index synced, with the exact time beside it', () => {
    const view = describeSync(status(), options);
    expect(view).toEqual({
      kind: 'synced',
      text: 'Synced 12 sec. ago',
      exact: 'Last synced Dec 2, 2026, 2:29:48 PM UTC',
      dateTime: '2026-12-02T14:29:48.000Z',
    });
  });

  it('ticks from the moment the answer arrived, whatever the browser clock says', () => {
    // The server said 12 s ago, 30 s ago by the browser's clock: 42 s now.
    const view = describeSync(status(), { ...options, receivedAt: NOW - 30_000 });
    expect(view.kind === 'synced' && view.text).toBe('Synced 42 sec. ago');
    const later = describeSync(status({ lagSeconds: 0 }), { ...options, now: NOW + 180_000 });
    expect(later.kind === 'synced' && later.text).toBe('Synced 3 min. ago');
  });

  it('says "now" for a sync this second, never a time in the future', () => {
    const view = describeSync(status({ lagSeconds: 0 }), { ...options, receivedAt: NOW + 900 });
    expect(view.kind === 'synced' && view.text).toBe('Synced now');
  });

  it('shows the count so far and of how many while backfilling', () => {
    const view = describeSync(
      status({
        state: 'backfilling',
        indexed: 1200,
        lastSuccessAt: null,
        lagSeconds: null,
        backfill: { done: false, seen: 1200, total: 2000 },
      }),
      options,
    );
    expect(view).toEqual({
      kind: 'backfilling',
      text: 'Indexing calls: 1,200 of 2,000',
      progress: { value: 1200, max: 2000, valueText: '1,200 of 2,000' },
    });
  });

  it('says Trata is unreachable, since when the calls are, and why', () => {
    const view = describeSync(
      status({
        state: 'error',
        lastSuccessAt: '2026-12-02T14:02:10.000Z',
        lagSeconds: 1670,
        lastError: 'The Trata API could not be reached (ECONNREFUSED).',
      }),
      options,
    );
    expect(view).toEqual({
      kind: 'unreachable',
      headline: 'Trata unreachable, showing calls as of 2:02 PM',
      reason: 'The Trata API could not be reached (the connection was refused).',
    });
  });

  it('names a refused token as such, not as an outage', () => {
    const view = describeSync(
      status({ state: 'error', lastError: 'Not signed in to the API (401): check the token.' }),
      options,
    );
    expect(view.kind === 'unreachable' && view.headline).toMatch(/^Trata refused the sync, /);
  });

  it("names an outage of Callscope's own database as such", () => {
    const view = describeSync(
      status({
        state: 'error',
        lastError: 'The database is unreachable (the connection was refused (ECONNREFUSED)).',
      }),
      options,
    );
    expect(view.kind === 'unreachable' && view.headline).toMatch(/^Database unreachable, /);
  });

  it('counts what a backfill cut short by an outage has indexed', () => {
    const view = describeSync(
      status({
        state: 'error',
        indexed: 300,
        lastSuccessAt: null,
        lagSeconds: null,
        lastError: 'The Trata API did not answer within 20 s.',
        backfill: { done: false, seen: 300, total: null },
      }),
      options,
    );
    expect(view.kind === 'unreachable' && view.headline).toBe(
      'Trata unreachable, showing the 300 calls indexed so far',
    );
  });
});

describe('backfillProgress', () => {
  it('has no end when the API sends no total, and never runs past one', () => {
    expect(
      backfillProgress({ indexed: 40, backfill: { done: false, seen: 0, total: null } }),
    ).toEqual({ value: 40, max: null, valueText: '40 so far' });
    expect(
      backfillProgress({ indexed: 0, backfill: { done: false, seen: 2100, total: 2000 } }),
    ).toEqual({ value: 2000, max: 2000, valueText: '2,000 of 2,000' });
  });
});

describe('lastSyncAt', () => {
  it('is null before the first sync, and reads the time when the server sends no lag', () => {
    expect(lastSyncAt({ lagSeconds: null, lastSuccessAt: null }, options)).toBeNull();
    expect(
      lastSyncAt({ lagSeconds: null, lastSuccessAt: '2026-12-02T14:00:00.000Z' }, options),
    ).toBe(Date.UTC(2026, 11, 2, 14, 0, 0));
  });
});

describe('asOf', () => {
  it('gives the time today and the date too on another day', () => {
    expect(asOf(Date.UTC(2026, 11, 2, 14, 2), NOW, 'en-US', 'UTC')).toBe('2:02 PM');
    expect(asOf(Date.UTC(2026, 10, 30, 14, 2), NOW, 'en-US', 'UTC')).toBe('Nov 30, 2:02 PM');
  });
});

describe('reasonInWords', () => {
  it('turns network codes into words and keeps the rest', () => {
    expect(reasonInWords('The Trata API could not be reached (ENOTFOUND).')).toBe(
      'The Trata API could not be reached (its host name was not found).',
    );
    expect(reasonInWords('The API failed with an internal error (503).')).toBe(
      'The API failed with an internal error (503).',
    );
    expect(reasonInWords(null)).toBe('The sync failed without a reason.');
  });
});
