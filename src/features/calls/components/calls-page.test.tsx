import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallsPage } from './calls-page';

function call(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    timestampStart: '2026-11-20T10:00:00.000000',
    timestampEnd: '2026-11-20T10:02:05.000000',
    durationSeconds: 125,
    callerName: name,
    callerPhone: '+14088259337',
    callerPhoneOrigin: 'given',
    sentiment: 'positive',
    prospectStatus: 'SERVICE_ORDER_PLACED',
    consentGiven: false,
    summary: `${name} placed an order.`,
    status: 'active',
    sourceType: 'PHONE',
    agentId: 'ag-1',
    agentName: 'Front desk',
    ...extra,
  };
}

const FACETS = {
  sentiment: { positive: 7, neutral: 2, negative: 3 },
  outcome: { SERVICE_ORDER_PLACED: 4 },
  consent: { given: 5, missing: 7 },
  agent: [
    { id: 'ag-1', name: 'Front desk', count: 9 },
    { id: 'ag-2', name: 'Night line', count: 3 },
  ],
};

/** The body of `GET /api/calls`: rows, the total and the facet counts. */
function calls(items: unknown[], total = items.length, facets: unknown = FACETS) {
  return json({ items, total, facets });
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

let fetchMock: ReturnType<typeof vi.fn<(url: string) => Promise<Response>>>;

beforeEach(() => {
  fetchMock = vi.fn<(url: string) => Promise<Response>>();
  vi.stubGlobal('fetch', fetchMock);
  localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function DetailProbe() {
  const location = useLocation();
  return (
    <p data-testid="detail">{JSON.stringify({ path: location.pathname, state: location.state })}</p>
  );
}

function renderList(url = '/', onRowsShown?: () => void) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <CallsPage onRowsShown={onRowsShown} /> },
      { path: '/calls/:id', element: <DetailProbe /> },
    ],
    { initialEntries: [url] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const rowLinks = () => document.querySelectorAll<HTMLAnchorElement>('tbody a[data-row-link]');

// Rendering the whole page in jsdom is slow on a busy machine.
describe('CallsPage', { timeout: 30_000 }, () => {
  it('shows the rows with their labels and the range with the total the API sent', async () => {
    fetchMock.mockResolvedValue(calls([call('con.1', 'Sofia Wilson'), call('con.2', 'Kenji Lee')]));
    const onRowsShown = vi.fn();
    renderList('/', onRowsShown);
    expect(onRowsShown).not.toHaveBeenCalled();
    // The phone formatter loads beside the first page, and the rows wait for it: they show
    // with their numbers formatted, never raw and then wider.
    expect(await screen.findByText('Sofia Wilson', undefined, { timeout: 5_000 })).toBeTruthy();
    expect(screen.getAllByText('(408) 825-9337')).toHaveLength(2);
    expect(rowLinks()).toHaveLength(2);
    expect(onRowsShown).toHaveBeenCalledTimes(1);
    // In the row itself, not only in the toolbar's filters.
    const firstRow = rowLinks()[0]!.closest('tr')!;
    expect(within(firstRow).getByText('Service order placed')).toBeTruthy();
    expect(screen.getAllByText('2 min 5 s')).toHaveLength(2);
    const pagination = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(pagination).getByText('1–2 of 2')).toBeTruthy();
    expect(within(pagination).getByRole('button', { name: 'Next →' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(fetchMock.mock.calls[0]![0]).toBe(
      '/api/calls?sort_by=timestampStart&sort_order=desc&skip=0&limit=25',
    );
    expect(screen.getByText('2 calls')).toBeTruthy();
  });

  it('combines a search with facets, whose counts show in text, and a chip removes one', async () => {
    fetchMock.mockResolvedValue(calls([call('con.1', 'Sofia Wilson')], 12));
    const router = renderList('/?q=order&sentiment=negative');
    await screen.findByText('Sofia Wilson');
    expect(fetchMock.mock.calls[0]![0]).toBe(
      '/api/calls?q=order&sentiment=negative&sort_by=timestampStart&sort_order=desc&skip=0&limit=25',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sentiment: Negative' }));
    const neutral = screen.getByRole('checkbox', { name: 'Neutral, 2 calls' });
    expect(screen.getByRole('checkbox', { name: 'Negative, 3 calls' })).toHaveProperty(
      'checked',
      true,
    );
    fireEvent.click(neutral);
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=order&sentiment=neutral&sentiment=negative'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Agent' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Night line, 3 calls' }));
    await waitFor(() => expect(router.state.location.search).toContain('agent=ag-2'));
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect(within(chips).getByText('Agent: Night line')).toBeTruthy();
    fireEvent.click(within(chips).getByRole('button', { name: 'Remove filter Search: order' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?sentiment=neutral&sentiment=negative&agent=ag-2'),
    );
  });

  it('turns a malformed item into a row that says what is wrong, and keeps the others', async () => {
    fetchMock.mockResolvedValue(
      calls([call('con.1', 'Sofia Wilson'), { id: 'con.bad', timestampStart: 42 }]),
    );
    renderList();
    expect(await screen.findByText('Sofia Wilson')).toBeTruthy();
    const broken = screen.getByText('This call could not be read').closest('tr')!;
    expect(broken.textContent).toContain('con.bad');
    expect(broken.textContent).toContain('timestampStart');
    expect(rowLinks()).toHaveLength(1);
  });

  it('names the parameter a 422 refused, and offers no retry', async () => {
    fetchMock.mockResolvedValue(
      json(
        {
          detail: [
            {
              type: 'less_than_equal',
              loc: ['query', 'limit'],
              msg: 'Input should be less than or equal to 100',
            },
          ],
        },
        422,
      ),
    );
    renderList();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The API refused these filters');
    expect(alert.textContent).toContain('limit: Input should be less than or equal to 100');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says the app is not signed in to the API on a 401', async () => {
    fetchMock.mockResolvedValue(json({ detail: 'Not authenticated' }, 401));
    renderList();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not signed in to the API');
  });

  it('offers a retry after a network failure, and the retry loads the rows', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    fetchMock.mockResolvedValue(calls([call('con.1', 'Sofia Wilson')]));
    renderList();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be reached');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Sofia Wilson')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the rows it has, marked out of date, when the next request fails', async () => {
    fetchMock.mockResolvedValueOnce(calls([call('con.1', 'Sofia Wilson')]));
    fetchMock.mockResolvedValue(
      json({ detail: 'The Trata API could not be reached (ECONNREFUSED).' }, 502),
    );
    const router = renderList();
    await screen.findByText('Sofia Wilson');
    fireEvent.click(screen.getByRole('button', { name: /^Duration/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ECONNREFUSED');
    expect(router.state.location.search).toBe('?sort_by=duration');
    expect(screen.getByText('Sofia Wilson')).toBeTruthy();
    expect(document.querySelector('caption')!.textContent).toBe('Calls, out of date');
    expect(document.querySelector('table')!.getAttribute('aria-busy')).toBe('false');
  });

  it('shows the empty state, whose button clears the filters but keeps the sort', async () => {
    fetchMock.mockResolvedValue(calls([], 0));
    const router = renderList('/?search_by=transcript&search_value=nothing&sort_by=duration');
    expect(await screen.findByRole('heading', { name: 'No calls match' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort_by=duration'));
  });

  it('opens a call on a plain click with the list state, and leaves modified clicks alone', async () => {
    fetchMock.mockResolvedValue(calls([call('con.1', 'Sofia Wilson')]));
    renderList('/?sort_by=duration');
    await screen.findByText('Sofia Wilson');
    const link = rowLinks()[0]!;
    expect(link.getAttribute('href')).toBe('/calls/con.1');

    // A new-tab click is the browser's business: the app neither prevents it nor navigates.
    let preventedByApp: boolean | undefined;
    const record = (event: MouseEvent) => {
      preventedByApp = event.defaultPrevented;
      event.preventDefault(); // jsdom cannot open another document
    };
    window.addEventListener('click', record);
    fireEvent.click(link, { ctrlKey: true });
    window.removeEventListener('click', record);
    expect(preventedByApp).toBe(false);
    expect(screen.queryByTestId('detail')).toBeNull();

    expect(fireEvent.click(link)).toBe(false);
    const detail = JSON.parse((await screen.findByTestId('detail')).textContent!) as unknown;
    expect(detail).toEqual({ path: '/calls/con.1', state: { listSearch: '?sort_by=duration' } });
  });

  it('opens the call from text that sits above the row link for its hover title', async () => {
    fetchMock.mockResolvedValue(calls([call('con.1', 'Sofia Wilson')]));
    renderList();
    const summary = await screen.findByText('Sofia Wilson placed an order.');
    expect(summary.getAttribute('title')).toBe('Sofia Wilson placed an order.');
    fireEvent.click(summary);
    expect((await screen.findByTestId('detail')).textContent).toContain('/calls/con.1');
  });

  it('says a page past the end is past the end, and offers the last page or the first', async () => {
    fetchMock.mockResolvedValue(calls([], 60));
    const router = renderList('/?skip=5000');
    expect(
      await screen.findByRole('heading', { name: 'This page is past the end of the list' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Go to the last page' }));
    await waitFor(() => expect(router.state.location.search).toBe('?skip=50'));
  });

  it('explains a search too short for the API and sends no request', async () => {
    fetchMock.mockResolvedValue(calls([call('con.1', 'Sofia Wilson')]));
    const router = renderList('/?search_by=transcript&search_value=ab');
    expect(await screen.findByText(/A search needs at least 3 characters/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText('Sofia Wilson')).toBeTruthy();
  });

  it('drops a status the filter does not offer from the URL', async () => {
    fetchMock.mockResolvedValue(calls([call('con.1', 'Sofia Wilson')]));
    const router = renderList('/?status=deleted');
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await screen.findByText('Sofia Wilson');
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
    expect(fetchMock.mock.calls.every(([url]) => !url.includes('deleted'))).toBe(true);
  });

  it('j on the last row goes on to the next page’s first row, and k back to the last row', async () => {
    const all = Array.from({ length: 12 }, (_, index) => call(`con.${index}`, `Caller ${index}`));
    fetchMock.mockImplementation((url: string) => {
      const skip = Number(new URL(url, 'http://x').searchParams.get('skip'));
      return Promise.resolve(calls(all.slice(skip, skip + 10), all.length));
    });
    const router = renderList('/?limit=10');
    await screen.findByText('Caller 0');
    const last = rowLinks()[9]!;
    last.focus();
    fireEvent.keyDown(last, { key: 'j' });
    await waitFor(() => expect(router.state.location.search).toBe('?skip=10&limit=10'));
    await waitFor(() => expect(document.activeElement?.getAttribute('href')).toBe('/calls/con.10'));

    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    await waitFor(() => expect(router.state.location.search).toBe('?limit=10'));
    await waitFor(() => expect(document.activeElement?.getAttribute('href')).toBe('/calls/con.9'));

    // The arrows stay on the page; j on the list's very last row goes nowhere.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(router.state.location.search).toBe('?limit=10');
  });
});
