import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVIEWER_HEADER } from '@contract';
import { fetchConversationList } from './conversations-api';
import { DEFAULT_LIST_PARAMS } from './list-params';
import { readReviewerName, REVIEWER_NAME_STORAGE_KEY, reviewerHeaders } from './reviewer-name';

const storage = (value: string | null) => ({ getItem: () => value });

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('the reviewer name', () => {
  it('reads a valid name, trimmed, and nothing else', () => {
    expect(readReviewerName(storage('  Dana Reyes '))).toBe('Dana Reyes');
    expect(readReviewerName(storage(null))).toBeNull();
    expect(readReviewerName(storage('   '))).toBeNull();
    expect(readReviewerName(storage('Dana\nReyes'))).toBeNull();
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(readReviewerName(blocked)).toBeNull();
  });

  it('goes in the reviewer header percent-encoded, or not at all', () => {
    expect(reviewerHeaders('Zoë')).toEqual({ [REVIEWER_HEADER]: 'Zo%C3%AB' });
    expect(reviewerHeaders(null)).toEqual({});
  });

  it('is sent with the list when this browser knows it', async () => {
    const headers: Headers[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        headers.push(new Headers(init?.headers));
        return new Response(JSON.stringify({ items: [], total: 0, facets: {} }), { status: 200 });
      }),
    );
    await fetchConversationList({ ...DEFAULT_LIST_PARAMS, review: ['mine'] });
    localStorage.setItem(REVIEWER_NAME_STORAGE_KEY, 'Dana');
    await fetchConversationList({ ...DEFAULT_LIST_PARAMS, review: ['mine'] });
    expect(headers.map((one) => one.get(REVIEWER_HEADER))).toEqual([null, 'Dana']);
  });
});
