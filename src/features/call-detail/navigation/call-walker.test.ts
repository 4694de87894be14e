import { describe, expect, it } from 'vitest';
import type { CallListItem } from '@contract';
import type { ConversationPage } from '@/lib/conversations-api';
import { LIST_DEFAULTS, type ListParams } from '@/lib/list-params';
import { loadCallOrder, toListSearch } from './call-order';
import { CallWalker, type CallPlace } from './call-walker';

/** 30 calls c0…c29 in the list; pages of 10 (`?limit=10&skip=…`). */
const calls = Array.from({ length: 30 }, (_, index) => `c${index}`);
const fetchPage = (params: ListParams): Promise<ConversationPage> =>
  Promise.resolve({
    rows: calls.slice(params.skip, params.skip + params.limit).map((id) => ({
      kind: 'ok' as const,
      conversation: { id } as CallListItem,
    })),
    total: null,
  });
const listPage = (skip: number) => toListSearch({ ...LIST_DEFAULTS, limit: 10, skip });

/** A page whose screen lags behind its navigations until `land` is called, as under load. */
function harness(start: CallPlace) {
  const navigations: { id: string; listSearch: string; walk: number; replace: boolean }[] = [];
  const walker = new CallWalker({
    loadOrder: (search) => loadCallOrder(fetchPage, search),
    go: (to, walk, replace) => navigations.push({ ...to, walk, replace }),
  });
  let keys = 0;
  walker.show(start, `k${keys}`, undefined);
  const settle = () => walker.settled();
  return {
    walker,
    navigations,
    settle,
    /** The latest navigation renders. */
    land() {
      const last = navigations.at(-1)!;
      walker.show(last, `k${++keys}`, last.walk);
    },
    async press(...keys: ('j' | 'k')[]) {
      for (const key of keys) walker.press(key === 'j' ? 'next' : 'previous');
      await settle();
    },
    /** Where the browser ends up: the latest navigation, or the start when there was none. */
    at: () => navigations.at(-1)?.id ?? start.id,
  };
}

describe('CallWalker', () => {
  const start = { id: 'c14', listSearch: listPage(10) };

  it('j then k, pressed before the next call shows, comes back to the start', async () => {
    const page = harness(start);
    page.walker.press('next');
    await page.settle();
    expect(page.at()).toBe('c15');
    await page.press('k');
    expect(page.at()).toBe('c14');
    // Going back to the call on screen replaces the entry the unfinished step would have made.
    expect(page.navigations.at(-1)!.replace).toBe(true);
  });

  it('j, j, k lands on the next call, however the presses and renders interleave', async () => {
    for (const landAfter of [[], [0], [1], [0, 1], [2]]) {
      const page = harness(start);
      for (const [index, key] of (['j', 'j', 'k'] as const).entries()) {
        await page.press(key);
        if (landAfter.includes(index) && page.navigations.length > 0) page.land();
      }
      expect(page.at()).toBe('c15');
    }
  });

  it('presses made in one go act together, with no navigation for a round trip', async () => {
    const page = harness(start);
    await page.press('j', 'k');
    expect(page.navigations).toEqual([]);
  });

  it('acts on the call on screen once its navigation has landed', async () => {
    const page = harness(start);
    await page.press('j');
    page.land();
    await page.press('j');
    page.land();
    await page.press('k');
    expect(page.at()).toBe('c15');
  });

  it('goes on to the next page, and carries that page in the navigation', async () => {
    const page = harness({ id: 'c19', listSearch: listPage(10) });
    await page.press('j');
    expect(page.navigations.at(-1)).toMatchObject({ id: 'c20', listSearch: listPage(20) });
    await page.press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
    expect(page.at()).toBe('c29');
  });

  it('drops presses from before a navigation of someone else (a link, Back)', async () => {
    const page = harness(start);
    await page.press('j');
    page.walker.show({ id: 'c3', listSearch: listPage(0) }, 'elsewhere', undefined);
    await page.press('k');
    expect(page.at()).toBe('c2');
  });

  it('waits for the list to be known before walking a call opened from a link', async () => {
    const page = harness({ id: 'c5', listSearch: undefined });
    await page.press('j');
    expect(page.navigations).toEqual([]);
    page.walker.show({ id: 'c5', listSearch: listPage(0) }, 'k0', undefined);
    await page.settle();
    expect(page.at()).toBe('c6');
  });

  it('does nothing for a call that is in no page of the list', async () => {
    const page = harness({ id: 'c5', listSearch: null });
    await page.press('j');
    expect(page.navigations).toEqual([]);
    expect(page.walker.isBusy()).toBe(false);
  });

  it('after stop, queued presses go nowhere', async () => {
    const page = harness(start);
    page.walker.press('next');
    page.walker.stop();
    await page.settle();
    expect(page.navigations).toEqual([]);
  });
});
