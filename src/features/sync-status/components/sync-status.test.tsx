import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '@contract';
import { SyncBanner } from './sync-banner';
import { SyncStatusLine } from './sync-status-line';

function sync(overrides: Partial<SyncStatus>): SyncStatus {
  return {
    state: 'idle',
    indexed: 2000,
    lastSuccessAt: new Date().toISOString(),
    lagSeconds: 3,
    lastError: null,
    backfill: { done: true, seen: 2000, total: 2000 },
    notes: [],
    skipped: [],
    skippedCount: 0,
    ...overrides,
  };
}

let answer: unknown;
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 })),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderHeader() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SyncStatusLine />
      <SyncBanner />
    </QueryClientProvider>,
  );
}

describe('the sync status in the header', () => {
  it('says how long ago it synced, with the exact time for screen readers', async () => {
    answer = sync({});
    renderHeader();
    expect(await screen.findByText(/^Synced \d+ sec\. ago$/)).toBeTruthy();
    expect(screen.getByText(/^\(Last synced /).className).toContain('sr-only');
    expect(screen.getByRole('status', { name: 'Connection to Trata' }).textContent).toBe('');
  });

  it('shows a backfill as a count and a progress bar with its value in words', async () => {
    answer = sync({
      state: 'backfilling',
      indexed: 500,
      lastSuccessAt: null,
      lagSeconds: null,
      backfill: { done: false, seen: 500, total: 2000 },
    });
    renderHeader();
    const bar = await screen.findByRole('progressbar', { name: 'Calls indexed from Trata' });
    expect(bar.getAttribute('aria-valuenow')).toBe('500');
    expect(bar.getAttribute('aria-valuemax')).toBe('2000');
    expect(bar.getAttribute('aria-valuetext')).toBe('500 of 2,000 calls');
    expect(screen.getByText('Indexing calls: 500 of 2,000')).toBeTruthy();
  });

  it('says in a status banner that Trata is unreachable, and why', async () => {
    answer = sync({
      state: 'error',
      lastError: 'The Trata API could not be reached (ECONNREFUSED).',
    });
    renderHeader();
    const banner = screen.getByRole('status', { name: 'Connection to Trata' });
    expect(await screen.findByText(/^Trata unreachable, showing calls as of /)).toBeTruthy();
    expect(banner.textContent).toContain('could not be reached (the connection was refused)');
    expect(screen.queryByText(/^Synced/)).toBeNull();
  });

  it('shows nothing rather than a wrong state when the answer breaks the contract', async () => {
    answer = { state: 'fine' };
    renderHeader();
    await vi.waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    expect(screen.queryByText(/Synced|Indexing|unreachable/)).toBeNull();
  });
});
