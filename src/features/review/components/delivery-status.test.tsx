import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallDelivery } from '@contract';
import { DeliveryStatus } from './delivery-status';

afterEach(() => vi.unstubAllGlobals());

function renderDelivery(delivery: CallDelivery) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <DeliveryStatus callId="con.1.X" delivery={delivery} />
    </QueryClientProvider>,
  );
}

describe('the delivery to Trata', () => {
  it('says why it is pending, in words, with no retry to press', () => {
    renderDelivery({
      state: 'pending',
      reason: 'Trata answered 503; next try in 8 s',
      reviewers: [],
    });
    const status = screen.getByRole('status', { name: 'Delivery to Trata' });
    expect(status.textContent).toContain('Pending for Trata: Trata answered 503; next try in 8 s');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says why it failed, and Retry queues it again', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ state: 'pending', reason: null, reviewers: [] }), {
          status: 202,
        }),
    );
    vi.stubGlobal('fetch', fetch);
    renderDelivery({ state: 'failed', reason: 'Trata answered 404', reviewers: [] });
    expect(screen.getByRole('status', { name: 'Delivery to Trata' }).textContent).toContain(
      'Failed to reach Trata: Trata answered 404',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/calls/con.1.X/review/delivery/retry',
        expect.objectContaining({ method: 'POST' }),
      ),
    );
  });

  it('shows nothing while there is nothing to send', () => {
    renderDelivery({ state: 'none', reason: null, reviewers: [] });
    expect(screen.queryByRole('status')).toBeNull();
  });
});
