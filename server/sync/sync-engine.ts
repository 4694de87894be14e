import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { SyncStatus } from '../../contract';
import { UpstreamError, type Upstream } from '../app-server/upstream';
import { databaseUnavailableReason } from '../store/postgres/pg-errors';
import type { CallStore } from '../store/types';
import { syncAgents } from './agents-sync';
import { backoffDelayMs } from './backoff';
import { catchUpTexts, fullSweep, incrementalPass, type PassContext } from './passes';
import { createLocalSyncLease, type SyncLease } from './sync-lease';
import { describeSync, type SyncProgress } from './sync-status';
import { SyncFault } from './upstream-pages';

export interface SyncOptions {
  store: CallStore;
  upstream: Upstream;
  /** Names the API the index follows; another one empties the index first. */
  source: string;
  intervalMs: number;
  reconcileMs: number;
  /**
   * The API's documents changed while this server was down without a newer `updatedAt` (the
   * demo's recording links follow its port), so the first pass after the backfill reads them all.
   */
  reconcileFirst?: boolean;
  pageLimit?: number;
  overlap?: number;
  /** Rows a backfill commits at once (1,000); progress shows what is committed. */
  groupRows?: number;
  maxBackoffMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
  /**
   * True while the server is answering people: the sync then waits between pages (up to a few
   * seconds each), so its work never stands in front of theirs.
   */
  isBusy?: () => boolean;
  /**
   * Which replica syncs a shared index: passes run only while this one holds the lease, and a
   * standby tries again every interval. Without one, this server always syncs (SQLite).
   */
  lease?: SyncLease;
}

export interface SyncEngine {
  start(): void;
  stop(): Promise<void>;
  status(): Promise<SyncStatus>;
  /** Runs the next pass now instead of at the end of the interval (tests and benchmarks). */
  wake(): void;
  /** Resolves after the next pass that ends without an error. */
  nextSuccess(): Promise<void>;
  /** Reads one call from the API again and updates the index; at most every 15 s per call. */
  revalidate(id: string): void;
}

const REVALIDATE_EVERY_MS = 15_000;
const BUSY_POLL_MS = 100;
const MAX_BUSY_WAIT_MS = 5_000;

/**
 * Keeps the index in step with the API: a resumable backfill, newest first; then an incremental
 * pass every interval; and a full reconcile now and then. Failures back off with jitter and show
 * in the status; nothing here ever throws into the server.
 */
export function createSyncEngine(options: SyncOptions): SyncEngine {
  const { store, upstream } = options;
  const stopping = new AbortController();
  // Filled from the stored state at once (`restoring`); the status and the loop wait for it.
  const progress: SyncProgress = {
    backfillDone: false,
    backfillSeen: 0,
    backfillTotal: null,
    lastSuccessAt: null,
    lastError: null,
    notes: new Map(),
    standby: false,
  };
  const lease = options.lease ?? createLocalSyncLease();
  let wakeUp = new AbortController();
  let successWaiters: (() => void)[] = [];
  let running: Promise<void> | null = null;
  const revalidated = new Map<string, number>();

  const context: PassContext = {
    upstream,
    store,
    signal: stopping.signal,
    pageLimit: options.pageLimit ?? 100,
    overlap: options.overlap ?? 10,
    groupRows: options.groupRows ?? 5_000,
    note: (key, text) => {
      if (text === null) progress.notes.delete(key);
      else progress.notes.set(key, text);
    },
    onProgress: (seen) => {
      if (!progress.backfillDone) progress.backfillSeen = seen;
    },
    onTotal: (total) => {
      if (!progress.backfillDone) progress.backfillTotal = total;
    },
    onTextsLeft: (left) => {
      context.note(
        'texts',
        left === 0
          ? null
          : `Text search is catching up: ${left.toLocaleString('en')} calls are not in its index yet (a search still finds them, more slowly).`,
      );
    },
    async pause() {
      await nextTurn();
      const since = Date.now();
      while (options.isBusy?.() && Date.now() - since < MAX_BUSY_WAIT_MS) {
        await sleep(BUSY_POLL_MS, undefined, { signal: stopping.signal }).catch(() => undefined);
        if (stopping.signal.aborted) return;
      }
    },
  };

  async function restore(): Promise<void> {
    progress.backfillDone = (await store.readState<boolean>('backfillDone')) ?? false;
    progress.backfillSeen = (await store.readState<{ seen: number } | null>('sweep'))?.seen ?? 0;
    progress.lastSuccessAt = (await store.readState<number>('lastSuccessAt')) ?? null;
  }

  // Read again by the loop each time it takes the lease; a failure here (the database is down
  // at start) is the loop's to retry, and the status reads without it.
  const restoring = restore().catch(() => undefined);

  async function adoptSource(): Promise<void> {
    if ((await store.readState<string>('source')) === options.source) return;
    await store.clear();
    for (const key of ['sweep', 'backfillDone', 'watermark', 'lastReconcileAt', 'lastSuccessAt']) {
      await store.writeState(key, null);
    }
    // Last: a crash before this line adopts the source again from the start.
    await store.writeState('source', options.source);
    progress.backfillDone = false;
    progress.backfillSeen = 0;
    progress.lastSuccessAt = null;
  }

  async function onePass(): Promise<void> {
    if (!progress.backfillDone) {
      const agentsNote = await syncAgents(upstream, store, stopping.signal);
      context.note('agents', agentsNote);
      const { watermark } = await fullSweep(context, 'backfill');
      await store.writeState('watermark', watermark);
      await store.writeState('backfillDone', true);
      await store.writeState('lastReconcileAt', Date.now());
      progress.backfillDone = true;
      return;
    }
    const lastReconcile = (await store.readState<number>('lastReconcileAt')) ?? 0;
    if (Date.now() - lastReconcile >= options.reconcileMs) {
      context.note('agents', await syncAgents(upstream, store, stopping.signal));
      await fullSweep(context, 'reconcile');
      await store.writeState('lastReconcileAt', Date.now());
    }
    const since = (await store.readState<number>('watermark')) ?? null;
    const watermark = await incrementalPass(context, since);
    await store.writeState('watermark', watermark);
  }

  /**
   * Holds the lease for the pass about to run: the first time (or after it was lost), the
   * checkpoint is read again from the store, since another replica may have moved it on.
   * Returns false on standby.
   */
  let holding: AbortSignal | null = null;
  let reconcileFirst = options.reconcileFirst ?? false;
  async function takeLease(): Promise<boolean> {
    const signal = await lease.acquire();
    if (signal === null) {
      if (!progress.standby) options.log?.info('Sync: another replica syncs; this one stands by');
      progress.standby = true;
      holding = null;
      return false;
    }
    if (signal !== holding) {
      await restore();
      // Under the lease only: adopting a new source empties the index every replica shares.
      await adoptSource();
      if (reconcileFirst) await store.writeState('lastReconcileAt', null);
      reconcileFirst = false;
      if (progress.standby) options.log?.info('Sync: this replica took over the sync');
      progress.standby = false;
      holding = signal;
    }
    context.signal = AbortSignal.any([stopping.signal, signal]);
    return true;
  }

  async function loop(): Promise<void> {
    await restoring;
    let attempt = 0;
    while (!stopping.signal.aborted) {
      let waitMs = options.intervalMs;
      try {
        if (!(await takeLease())) {
          progress.lastError = null;
          attempt = 0;
          await idle(waitMs);
          continue;
        }
        await onePass();
        attempt = 0;
        progress.lastError = null;
        progress.lastSuccessAt = Date.now();
        await store.writeState('lastSuccessAt', progress.lastSuccessAt);
        const waiters = successWaiters;
        successWaiters = [];
        for (const resolve of waiters) resolve();
        await catchUpTexts(context);
      } catch (error) {
        if (stopping.signal.aborted) return;
        if (holding?.aborted) {
          // The lease went mid-pass: another replica may sync now; try for it again later.
          holding = null;
          await idle(waitMs);
          continue;
        }
        attempt++;
        progress.lastError = describe(error);
        options.log?.warn(`Sync: ${progress.lastError}`);
        waitMs = backoffDelayMs(attempt, {
          baseMs: 1_000,
          maxMs: options.maxBackoffMs ?? Math.max(options.intervalMs, 60_000),
          retryAfterMs: error instanceof SyncFault ? error.retryAfterMs : undefined,
        });
      }
      // A backfill goes on at once; otherwise wait for the interval (or a wake-up).
      if (progress.backfillDone || progress.lastError !== null) await idle(waitMs);
    }
  }

  async function idle(ms: number): Promise<void> {
    const signal = AbortSignal.any([stopping.signal, wakeUp.signal]);
    await sleep(ms, undefined, { signal }).catch(() => undefined);
    if (wakeUp.signal.aborted) wakeUp = new AbortController();
  }

  return {
    start() {
      running ??= loop().catch((error: unknown) => {
        // A bug must not take the server down; the status says the sync stopped.
        progress.lastError = `The sync stopped: ${describe(error)}`;
        options.log?.warn(progress.lastError);
      });
    },
    async stop() {
      stopping.abort();
      await running;
      await lease.release().catch(() => undefined);
    },
    async status() {
      await restoring;
      // A standby shows the progress the syncing replica keeps in the shared store.
      if (progress.standby) await restore();
      return describeSync(progress, store, Date.now());
    },
    wake: () => wakeUp.abort(),
    nextSuccess: () => new Promise((resolve) => successWaiters.push(resolve)),
    revalidate(id) {
      const now = Date.now();
      if ((revalidated.get(id) ?? 0) > now - REVALIDATE_EVERY_MS) return;
      revalidated.set(id, now);
      if (revalidated.size > 10_000) revalidated.delete(revalidated.keys().next().value!);
      void upstream
        .getConversation(id, stopping.signal)
        .then(async (conversation) => {
          if (stopping.signal.aborted) return;
          if (conversation === null) await store.remove([id]);
          else await store.upsert([conversation]);
        })
        .catch(() => undefined);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof SyncFault || error instanceof UpstreamError) return error.message;
  const unavailable = databaseUnavailableReason(error);
  if (unavailable !== null) return `The database is unreachable (${unavailable}).`;
  return error instanceof Error ? error.message : String(error);
}
