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
 * How long a claimed call stays this worker's: longer than any delivery takes (each request has
 * its own timeout), so two workers never deliver one call at once, while a dead worker's calls
 * are due again after it.
 */
const CLAIM_MS = 10 * 60_000;

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
  const stopping = new AbortController();
  let wake = new AbortController();
  let kicked = false;
  let running: Promise<void> | null = null;
  let waiters: (() => void)[] = [];

  async function deliverOne(callId: string, attempts: number): Promise<void> {
    let outcome: Delivery;
    try {
      outcome = await deliverCall(upstream, store, callId, stopping.signal);
    } catch (error) {
      if (stopping.signal.aborted) return;
      outcome = { kind: 'retry', reason: describeDeliveryError(error) };
    }
    const now = Date.now();
    if (outcome.kind === 'sent') {
      await store.markSent(callId, outcome.generations, now);
    } else if (outcome.kind === 'failed') {
      options.log?.warn(`Outbox: call ${callId}: ${outcome.reason}`);
      await store.markFailed(callId, outcome.reason);
    } else {
      const delay = backoffDelayMs(attempts + 1, {
        baseMs,
        maxMs,
        ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
      });
      options.log?.warn(
        `Outbox: call ${callId}: ${outcome.reason} Next try in ${Math.round(delay)} ms.`,
      );
      await store.markRetry(callId, outcome.reason, now + delay);
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
    const now = Date.now();
    const due = await store.claimDue(now, concurrency * 4, now + CLAIM_MS);
    if (due.length > 0) {
      let next = 0;
      const lane = async () => {
        while (next < due.length && !stopping.signal.aborted) {
          const job = due[next++]!;
          await deliverOne(job.callId, job.attempts);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
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
      running ??= loop().catch((error: unknown) => {
        options.log?.warn(`The outbox stopped: ${describeDeliveryError(error)}`);
      });
    },
    async stop() {
      stopping.abort();
      await running;
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
