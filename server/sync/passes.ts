import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SortByField } from '../../contract';
import type { Upstream } from '../app-server/upstream';
import type { CallIndex, CallStore, UpsertOptions } from '../store/types';
import { indexItems, type IndexedPage } from './index-items';
import type { PreparedItem } from './prepare-items';
import { sweep } from './sweep';
import { fetchPage, SortRefused } from './upstream-pages';

export interface PassContext {
  upstream: Upstream;
  store: CallStore;
  signal: AbortSignal;
  pageLimit: number;
  overlap: number;
  /**
   * A full sweep commits about this many rows at once (pages, their checkpoint and all): each
   * commit writes every index page it touched, so small commits multiply the writes.
   */
  groupRows: number;
  /** Says in the status which sort the API refused and what is used instead. */
  note(key: string, text: string | null): void;
  onProgress(seen: number): void;
  /** How many calls the API says it holds, when a full sweep's page carries a total. */
  onTotal?(total: number): void;
  /** How many calls' texts still wait for the free-text index. */
  onTextsLeft(left: number): void;
  /** Between pages and chunks: yields to the server's own requests (see `createSyncEngine`). */
  pause(): Promise<void>;
}

/** An interrupted full sweep resumes from here after a restart. */
interface SweepCheckpoint {
  id: string;
  kind: 'backfill' | 'reconcile';
  sortBy: SortByField | null;
  next: number;
  /** The newest `updatedAt` when the sweep began: incremental passes start from it. */
  watermark: number | null;
  seen: number;
}

const FULL_SORTS: (SortByField | null)[] = ['timestampStart', 'createdAt', null];
const INCREMENTAL_SORTS: SortByField[] = ['updatedAt', 'createdAt', 'timestampStart'];
/** An incremental pass reads this far past the watermark: updates stamped in the same instant. */
const WATERMARK_MARGIN_MS = 5_000;

/** Items indexed per synchronous step: the event loop is never held for a whole page. */
const CHUNK = 20;
/**
 * A full sweep asks for this many pages ahead of the one it writes: each waits on the API and
 * is then parsed on a worker thread, and with one ahead the writer waited for both.
 */
const PAGES_AHEAD = 3;
/**
 * Indexes a page in chunks, yielding between them, so requests are served meanwhile; `into` is
 * the store, or the transaction of a group of pages.
 */
async function indexPage(
  context: PassContext,
  into: CallIndex,
  items: PreparedItem[],
  sweepId?: string,
  options?: UpsertOptions,
): Promise<IndexedPage> {
  const page: IndexedPage = { inserted: 0, updated: 0, unchanged: 0, ids: [], updatedAt: [] };
  for (let start = 0; start < items.length; start += CHUNK) {
    if (start > 0) await nextTurn();
    const part = await indexItems(into, items.slice(start, start + CHUNK), sweepId, options);
    page.inserted += part.inserted;
    page.updated += part.updated;
    page.unchanged += part.unchanged;
    page.ids.push(...part.ids);
    page.updatedAt.push(...part.updatedAt);
  }
  return page;
}

/**
 * The first sort in `sorts` the API accepts, remembered under `key`. A refusal is said in the
 * status, and the next candidate is tried.
 */
async function withSort<T extends SortByField | null, R>(
  context: PassContext,
  key: string,
  sorts: T[],
  run: (sortBy: T) => Promise<R>,
): Promise<R> {
  let index = (await context.store.readState<number>(`sort:${key}`)) ?? 0;
  for (;;) {
    const sortBy = sorts[Math.min(index, sorts.length - 1)]!;
    try {
      return await run(sortBy);
    } catch (error) {
      if (!(error instanceof SortRefused) || index >= sorts.length - 1) throw error;
      index++;
      await context.store.writeState(`sort:${key}`, index);
      const next = sorts[index] ?? 'the default order';
      context.note(
        `sort:${key}`,
        `The API refused sort_by=${error.sortBy}; the ${key} pass uses ${next} instead.`,
      );
    }
  }
}

async function newestUpdate(context: PassContext): Promise<number | null> {
  try {
    const items = await fetchPage(
      context.upstream,
      { sortBy: 'updatedAt', order: 'desc', skip: 0, limit: 1 },
      context.signal,
    );
    return (await indexItems(context.store, items)).updatedAt[0] ?? null;
  } catch (error) {
    if (error instanceof SortRefused) return null;
    throw error;
  }
}

/**
 * A full sweep, newest first: the backfill, or the reconcile that also finds calls the API no
 * longer lists. Its checkpoint is written after every page, so a restart resumes it.
 */
export async function fullSweep(
  context: PassContext,
  kind: 'backfill' | 'reconcile',
): Promise<{ watermark: number | null }> {
  const { store } = context;
  let checkpoint = (await store.readState<SweepCheckpoint | null>('sweep')) ?? null;
  if (checkpoint === null || (checkpoint.kind === 'reconcile' && kind === 'backfill')) {
    checkpoint = {
      id: randomUUID(),
      kind,
      sortBy: null,
      next: 0,
      watermark: await newestUpdate(context),
      seen: 0,
    };
    await store.writeState('sweep', checkpoint);
  }
  const current = checkpoint;
  const readNow = new Set<string>();
  // Texts are indexed after the sweep, in large batches (see `catchUpTexts`).
  const deferText = { deferText: true };
  let grouped = 0;
  // Many pages and their checkpoint are committed together; a crash loses only the last group.
  await store.group(async (tx) => {
    try {
      await withSort(context, 'full', FULL_SORTS, async (sortBy) => {
        if (current.sortBy !== sortBy) Object.assign(current, { sortBy, next: 0, seen: 0 });
        const fetch = (skip: number) =>
          fetchPage(
            context.upstream,
            { sortBy, order: 'desc', skip, limit: context.pageLimit },
            context.signal,
            context.onTotal,
          );
        await sweep({
          start: current.next,
          limit: context.pageLimit,
          overlap: context.overlap,
          ahead: PAGES_AHEAD,
          fetch,
          handle: async (items) => {
            const page = await indexPage(context, tx, items, current.id, deferText);
            for (const id of page.ids) readNow.add(id);
            grouped += items.length;
            return false;
          },
          wasRead: async (id) => readNow.has(id) || (await tx.seenBy(id, current.id)),
          checkpoint: async (next) => {
            current.seen = Math.max(current.seen, next);
            current.next = next;
            await tx.writeState('sweep', current);
            if (grouped >= context.groupRows) {
              await tx.commit();
              grouped = 0;
              // Progress is what a crash would keep.
              context.onProgress(current.seen);
            }
          },
          pause: context.pause,
        });
        await tx.commit();
        context.onProgress(current.seen);
        // Calls created at the top while the sweep ran: read the first page again.
        await indexPage(context, tx, await fetch(0), current.id, deferText);
      });
    } catch (error) {
      // The pages written so far and their checkpoint agree: keep them (the API failing is no
      // reason to read them again). After a failed write there is nothing to commit: the error
      // said is the first one.
      await tx.commit().catch(() => undefined);
      throw error;
    }
  });
  await removeVanished(context, current.id);
  await store.writeState('sweep', null);
  return { watermark: current.watermark };
}

/** Texts indexed per transaction, and per synchronous step within it. */
const TEXT_GROUP = 2_000;
const TEXT_STEP = 100;

/**
 * Adds the trigrams of deferred texts in large transactions (a segment of the free-text index
 * per group, not per page), yielding between steps. Until then a search scans those texts.
 */
export async function catchUpTexts(context: PassContext): Promise<void> {
  const { store } = context;
  let left = await store.deferredTexts();
  while (left > 0 && !context.signal.aborted) {
    left = await store.group(async (tx) => {
      let remaining = left;
      for (let done = 0; done < TEXT_GROUP && remaining > 0; done += TEXT_STEP) {
        remaining = await tx.indexDeferredTexts(TEXT_STEP);
        await nextTurn();
      }
      return remaining;
    });
    context.onTextsLeft(left);
    await context.pause();
  }
}

/**
 * Calls in the index that the sweep did not read: each is asked for by id, and removed only
 * when the API says it does not exist (a call the sweep missed is indexed instead).
 */
async function removeVanished(context: PassContext, sweepId: string): Promise<void> {
  const { store } = context;
  for (;;) {
    const candidates = await store.notSeenIn(sweepId, 200);
    if (candidates.length === 0) return;
    const gone: string[] = [];
    for (const id of candidates) {
      const conversation = await context.upstream.getConversation(id, context.signal);
      if (conversation === null) gone.push(id);
      else await store.upsert([conversation], sweepId);
    }
    await store.remove(gone);
    await context.pause();
  }
}

/**
 * Reads the most recently updated calls until it reaches the watermark (the newest update when
 * the previous pass began), so every change since then is read. Returns the next watermark.
 */
export async function incrementalPass(
  context: PassContext,
  watermark: number | null,
): Promise<number | null> {
  const { store } = context;
  const since = watermark ?? (await store.newestUpdate());
  let top: number | null = null;
  const readNow = new Set<string>();
  await withSort(context, 'incremental', INCREMENTAL_SORTS, async (sortBy) => {
    await sweep({
      start: 0,
      limit: context.pageLimit,
      overlap: context.overlap,
      fetch: (skip) =>
        fetchPage(
          context.upstream,
          { sortBy, order: 'desc', skip, limit: context.pageLimit },
          context.signal,
        ),
      handle: async (items, skip) => {
        const page = await indexPage(context, store, items);
        for (const id of page.ids) readNow.add(id);
        if (sortBy !== 'updatedAt') return page.inserted + page.updated === 0;
        // The newest update as the pass began: anything changed later is stamped after it.
        if (skip === 0 && top === null) {
          for (const value of page.updatedAt)
            if (value !== null) top = Math.max(top ?? value, value);
        }
        if (since === null) return false;
        return page.updatedAt.some(
          (value) => value === null || value < since - WATERMARK_MARGIN_MS,
        );
      },
      wasRead: (id) => readNow.has(id),
      checkpoint: () => undefined,
      pause: context.pause,
    });
  });
  if (top === null) return since;
  return Math.max(top, since ?? top);
}
