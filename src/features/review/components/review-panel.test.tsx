import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallListItem, CallReview, Conversation, ReviewComment } from '@contract';
import type { CallMoments } from '@/components/call-review-slot';
import type { ConversationPage } from '@/lib/conversations-api';
import { conversationKeys } from '@/lib/query-keys';
import { REVIEWER_NAME_STORAGE_KEY as REVIEWER_NAME_KEY } from '@/lib/reviewer-name';
import { ReviewPanel } from './review-panel';

const CALL_ID = 'con.1.TEST';
const conversation = { id: CALL_ID, conversationAnalytics: null } as unknown as Conversation;
const moments: CallMoments = { now: () => 83.4, seek: vi.fn(), duration: 120, playable: true };

const comment = (overrides: Partial<ReviewComment>): ReviewComment => ({
  id: 'c1',
  author: 'Dana',
  text: 'Fine',
  atSeconds: null,
  version: 1,
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
  ...overrides,
});

function emptyReview(overrides: Partial<CallReview> = {}): CallReview {
  return {
    reviews: [],
    comments: [],
    history: [],
    actionItems: [],
    delivery: { state: 'none', reason: null, reviewers: [] },
    me: 'Dana',
    ...overrides,
  };
}

/** The server: GET answers `state`; each write answers what `onWrite` returns. */
let state: CallReview;
let onWrite: (method: string, url: string, body: unknown) => Response;
const radio = (name: string) => screen.getByRole<HTMLInputElement>('radio', { name });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  // jsdom has no modal dialogs; opening one is all the panel asks of it.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
  state = emptyReview();
  onWrite = () => json({ detail: 'Internal Server Error' }, 500);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      if (method === 'GET') return json(state);
      return onWrite(method, url, init.body ? JSON.parse(String(init.body)) : undefined);
    }),
  );
  localStorage.setItem(REVIEWER_NAME_KEY, 'Dana');
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function renderPanel(seed: (client: QueryClient) => void = () => {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  seed(client);
  render(
    <QueryClientProvider client={client}>
      <ReviewPanel conversation={conversation} moments={moments} />
    </QueryClientProvider>,
  );
  return client;
}

/** A list page already loaded, holding this call's row. */
const listKey = conversationKeys.list({ sort_order: 'desc' });
const seedList = (client: QueryClient) =>
  client.setQueryData<ConversationPage>(listKey, {
    rows: [{ kind: 'ok', conversation: { id: conversation.id } as CallListItem }],
    total: 1,
  });
const rowReview = (client: QueryClient) => {
  const row = client.getQueryData<ConversationPage>(listKey)?.rows[0];
  return row?.kind === 'ok' ? row.conversation.review : undefined;
};

// Rendering the whole panel in jsdom takes seconds when the machine is busy.
describe('the review panel', { timeout: 20_000 }, () => {
  it('shows a rating typed on the keyboard at once, and takes it back with a message when the server refuses', async () => {
    let answer!: (response: Response) => void;
    onWrite = () => json({}, 500);
    let wrote = false;
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      // After the write, the refetch never answers: only the rollback can undo the rating.
      if ((init?.method ?? 'GET') === 'GET') return wrote ? new Promise(() => {}) : json(state);
      wrote = true;
      return new Promise<Response>((resolve) => (answer = resolve));
    });
    const client = renderPanel(seedList);
    await screen.findByRole('radio', { name: '1 of 5' });
    fireEvent.keyDown(document.body, { key: '4' });
    await waitFor(() => expect(radio('4 of 5').checked).toBe(true));
    // The list's row shows it too, with no list request.
    expect(rowReview(client)).toMatchObject({ myRating: 4, averageRating: 4 });
    answer(json({ detail: 'Internal Server Error' }, 500));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Saving your review failed and was undone: Internal Server Error',
    );
    expect(radio('4 of 5').checked).toBe(false);
    expect(rowReview(client)).toMatchObject({ myRating: null, averageRating: null });
  });

  it('takes r on a rating just clicked (focus stays on it), but not in a text box', async () => {
    const sent: unknown[] = [];
    onWrite = (_method, _url, body) => {
      sent.push(body);
      return json({}, 500);
    };
    renderPanel();
    const two = await screen.findByRole('radio', { name: '2 of 5' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Comment on the whole call' }), {
      key: 'r',
    });
    fireEvent.keyDown(two, { key: 'r' });
    await waitFor(() => expect(sent).toEqual([{ status: 'reviewed' }]));
  });

  it('renders comment text as text, markup and all', async () => {
    state = emptyReview({
      comments: [comment({ text: '<img src=x onerror="alert(1)"><b>bold</b>' })],
    });
    renderPanel();
    const comments = await screen.findByRole('region', { name: 'Comments' });
    expect(within(comments).getByText('<img src=x onerror="alert(1)"><b>bold</b>')).toBeTruthy();
    expect(comments.querySelector('img, b')).toBeNull();
  });

  it('keeps the edited text in the box when the comment changed elsewhere (409)', async () => {
    state = emptyReview({ comments: [comment({ text: 'First take' })] });
    onWrite = () =>
      json(
        { detail: 'This comment changed since you loaded it.', current: comment({ version: 2 }) },
        409,
      );
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: /^Edit your comment/ }));
    const box = screen.getByRole('textbox', { name: 'Edit your comment' });
    fireEvent.change(box, { target: { value: 'Second take' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Conflict: This comment changed since you loaded it.',
    );
    const kept = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit your comment' });
    expect(kept.value).toBe('Second take');
  });

  it('anchors a comment to the playback time with c, and sends it there', async () => {
    const sent: unknown[] = [];
    onWrite = (_method, _url, body) => {
      sent.push(body);
      const saved = comment({ id: 'c9', text: 'Hold music too long', atSeconds: 83.4 });
      state = emptyReview({ comments: [saved] });
      return json(saved, 201);
    };
    renderPanel();
    await screen.findByRole('radio', { name: '1 of 5' });
    fireEvent.keyDown(document.body, { key: 'c' });
    const box = screen.getByRole('textbox', { name: 'Comment at 1:23' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'Hold music too long' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(sent).toEqual([{ text: 'Hold music too long', at_seconds: 83.4 }]));
    expect(await screen.findByText('Hold music too long')).toBeTruthy();
  });

  it('asks for a name before the first write when nobody is signed in', async () => {
    localStorage.clear();
    state = emptyReview({ me: null });
    const headers: (string | null)[] = [];
    onWrite = (_method, _url, body) => {
      const init = vi.mocked(fetch).mock.lastCall?.[1];
      headers.push(new Headers(init?.headers).get('x-callscope-reviewer'));
      return json({
        ...(body as object),
        reviewer: 'Zoë',
        status: 'to_review',
        rating: 2,
        followUpReason: null,
        version: 1,
        createdAt: '2026-12-02T10:00:00.000Z',
        updatedAt: '2026-12-02T10:00:00.000Z',
      });
    };
    renderPanel();
    fireEvent.click(await screen.findByRole('radio', { name: '2 of 5' }));
    const name = await screen.findByRole('textbox', { name: 'Your name' });
    fireEvent.change(name, { target: { value: 'Zoë' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(headers).toEqual([encodeURIComponent('Zoë')]));
    expect(localStorage.getItem(REVIEWER_NAME_KEY)).toBe('Zoë');
  });
});
