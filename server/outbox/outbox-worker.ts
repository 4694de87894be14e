import { setTimeout as sleep } from 'node:timers/promises';
import type { Upstream } from '../app-server/upstream';
import type { ReviewStore } from '../store/review-types';
import { backoffDelayMs } from '../sync/backoff';
import { deliverCall, describeDeliveryError, type Delivery } from './deliver-call';

export interface OutboxOptions {
  store: ReviewStore;
  upstream: Upstream;
  /** The first retry's wait; each next one doubles, with jitter, up to `maxMs`. */
  baseMs?: number;
  maxMs?: number;
  /** Calls delivered at once (one write at a time per call). */
  concurrency?: number;
  /**
   * How long a kick waits before looking, so a burst of changes (a rating, then "reviewed") is
   * one write, and the write never competes with the requests that queued it.
   */
  settleMs?: number;
  /**
   * How long a claim lasts unless renewed (see `CLAIM_MS`). A claim kept in a shared database
   * outlives a crashed worker, so this is also how long its calls wait for another.
   */
  claimMs?: number;
  log?: { warn(message: string): void };
}

export interface OutboxWorker {
  start(): void;
  stop(): Promise<void>;
  /** Something was queued: look now rather than at the next due time. */
  kick(): void;
  /** Resolves once nothing is pending (sent, saved or failed): tests and benchmarks wait on it. */
  drained(): Promise<void>;
}

const IDLE_MS = 60_000;
/**
 * How long a claim lasts unless renewed. The worker renews its claims three times per period
 * while it holds them (a slow delivery, marks the store could not take yet), so two workers
 * never deliver one call at once; a crashed worker's calls are due again within a minute.
 */
const CLAIM_MS = 60_000;

/** A delivery's outcome, written to the store: it also ends the worker's claim on the call. */
interface Mark {
  sent: boolean;
  apply(): Promise<void>;
}

/**
 * Delivers the outbox in the background: due calls are written to Trata a few at a time, and a
 * failed attempt is due again after a backoff with jitter. The queue lives in the index, so a
 * restart picks up where the last process stopped; requests only queue and never wait for it.
 */
export function createOutboxWorker(options: OutboxOptions): OutboxWorker {
  const { store, upstream } = options;
  const baseMs = options.baseMs ?? 2_000;
  const maxMs = options.maxMs ?? 300_000;
  const concurrency = options.concurrency ?? 4;
  const settleMs = options.settleMs ?? 200;
  const claimMs = options.claimMs ?? CLAIM_MS;
  const stopping = new AbortController();
  let wake = new AbortController();
  let kicked = false;
  let running: Promise<void> | null = null;
  let waiters: (() => void)[] = [];
  /** Claims this worker holds: each call's claim end, as last set (see `renew`). */
  const held = new Map<string, number>();
  /**
   * Outcomes the store could not take (unreachable meanwhile), applied first when it answers
   * again. Their claims stay held and renewed until then: a call sent is never sent again
   * because its mark was lost, and a call not sent waits for no claim to run out.
   */
  const owed = new Map<string, Mark>();
  /** Claims to give back (a stopping pass) that the store could not take. */
  const unreleased = new Set<string>();
  let renewing: NodeJS.Timeout | undefined;

  function markOf(callId: string, attempts: number, outcome: Delivery): Mark {
    const now = Date.now();
    if (outcome.kind === 'sent') {
      return { sent: true, apply: () => store.markSent(callId, outcome.generations, now) };
    }
    if (outcome.kind === 'failed') {
      options.log?.warn(`Outbox: call ${callId}: ${outcome.reason}`);
      return { sent: false, apply: () => store.markFailed(callId, outcome.reason) };
    }
    const delay = backoffDelayMs(attempts + 1, {
      baseMs,
      maxMs,
      ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
    });
    options.log?.warn(
      `Outbox: call ${callId}: ${outcome.reason} Next try in ${Math.round(delay)} ms.`,
    );
    return { sent: false, apply: () => store.markRetry(callId, outcome.reason, now + delay) };
  }

  /** Whether the call has its outcome (marked, or owed to the store), so no release is due. */
  async function deliverOne(callId: string, attempts: number): Promise<boolean> {
    let outcome: Delivery;
    try {
      outcome = await deliverCall(upstream, store, callId, stopping.signal);
    } catch (error) {
      if (stopping.signal.aborted) return false;
      outcome = { kind: 'retry', reason: describeDeliveryError(error) };
    }
    const mark = markOf(callId, attempts, outcome);
    try {
      await mark.apply();
      held.delete(callId);
    } catch {
      owed.set(callId, mark);
    }
    return true;
  }

  /** What earlier passes could not write: the store must take it before anything new. */
  async function settle(): Promise<void> {
    for (const [callId, mark] of owed) {
      await mark.apply();
      owed.delete(callId);
      held.delete(callId);
    }
    if (unreleased.size > 0) {
      const callIds = [...unreleased];
      await store.release(callIds);
      for (const callId of callIds) {
        unreleased.delete(callId);
        held.delete(callId);
      }
    }
  }

  /** Extends every claim held by another period; a store that does not answer is tried later. */
  async function renew(): Promise<void> {
    const byEnd = new Map<number, string[]>();
    for (const [callId, until] of held) byEnd.set(until, [...(byEnd.get(until) ?? []), callId]);
    const to = Date.now() + claimMs;
    for (const [from, callIds] of byEnd) {
      const renewed = new Set(await store.renew(callIds, from, to).catch(() => null));
      for (const callId of callIds) {
        if (renewed.has(callId)) held.set(callId, to);
        else if (held.get(callId) === from && from <= Date.now()) {
          // Ran out while the store was away, and may be another worker's now: a retry or a
          // failure is that worker's to write; what was sent is still written, by generation.
          held.delete(callId);
          if (!owed.get(callId)?.sent) owed.delete(callId);
          unreleased.delete(callId);
        }
      }
    }
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopping.signal.aborted) {
      try {
        await onePass();
        failures = 0;
      } catch (error) {
        if (stopping.signal.aborted) return;
        // The store failed (its database is unreachable): claims already taken run out on their
        // own, so waiting and looking again is all there is to do.
        failures++;
        const delay = backoffDelayMs(failures, { baseMs, maxMs: Math.min(maxMs, 60_000) });
        options.log?.warn(
          `Outbox: ${describeDeliveryError(error)} Looking again in ${Math.round(delay)} ms.`,
        );
        await sleep(delay, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
  }

  /** Delivers what is due now, or waits until something is (or a kick). */
  async function onePass(): Promise<void> {
    kicked = false;
    await settle();
    const now = Date.now();
    const due = await store.claimDue(now, concurrency * 4, now + claimMs);
    for (const job of due) held.set(job.callId, now + claimMs);
    if (due.length > 0) {
      let next = 0;
      const unmarked = new Set(due.map((job) => job.callId));
      const lane = async () => {
        while (next < due.length && !stopping.signal.aborted) {
          const job = due[next++]!;
          if (await deliverOne(job.callId, job.attempts)) unmarked.delete(job.callId);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
      // Stopping: the calls not delivered go back now, not when the claims run out (a claim
      // in a shared database would keep them from the other replicas until then).
      for (const callId of unmarked) unreleased.add(callId);
      await settle();
      return;
    }
    const nextDue = await store.nextDueAt();
    if (nextDue === null) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
    if (kicked) return;
    const wait = nextDue === null ? IDLE_MS : Math.max(0, nextDue - Date.now());
    await sleep(wait, undefined, {
      signal: AbortSignal.any([stopping.signal, wake.signal]),
    }).catch(() => undefined);
    if (wake.signal.aborted) {
      wake = new AbortController();
      await sleep(settleMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  }

  return {
    start() {
      renewing ??= setInterval(() => void renew(), claimMs / 3);
      // The claims it renews are the worker's alone: the process need not stay up for them.
      renewing.unref();
      running ??= loop().catch((error: unknown) => {
        options.log?.warn(`The outbox stopped: ${describeDeliveryError(error)}`);
      });
    },
    async stop() {
      stopping.abort();
      await running;
      clearInterval(renewing);
      // Last chance for what the store could not take: otherwise the claims run out.
      await settle().catch(() => undefined);
    },
    kick() {
      kicked = true;
      wake.abort();
    },
    drained() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        kicked = true;
        wake.abort();
      });
    },
  };
}
