import { afterEach, describe, expect, it } from 'vitest';
import type { HoldJob } from './testing/hold-worker';
import { createWorkerPool, type WorkerPool } from './worker-pool';

const entry = new URL('./testing/hold-worker.ts', import.meta.url);
let pool: WorkerPool<HoldJob, string> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function sharedState(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

function release(state: Int32Array): void {
  Atomics.store(state, 2, 1);
  Atomics.notify(state, 2);
}

describe('createWorkerPool', () => {
  it('answers a request while background work is held, and runs background jobs one at a time', async () => {
    pool = createWorkerPool<HoldJob, string>(entry, 2);
    const state = sharedState();
    const finished: string[] = [];
    const track = (promise: Promise<string>) => promise.then((value) => void finished.push(value));
    const background = [
      track(pool.run({ name: 'warm 1', hold: true, state }, { background: true })),
      track(pool.run({ name: 'warm 2', hold: true, state }, { background: true })),
    ];
    expect(await pool.run({ name: 'request', hold: false, state })).toBe('done request');
    expect(finished).toEqual([]);
    release(state);
    await Promise.all(background);
    expect(finished).toEqual(['done warm 1', 'done warm 2']);
    expect(Atomics.load(state, 1)).toBe(1);
  });

  it('runs requests side by side up to its size', async () => {
    pool = createWorkerPool<HoldJob, string>(entry, 2);
    const state = sharedState();
    const held = [1, 2].map((n) => pool!.run({ name: `r${n}`, hold: true, state }));
    while (Atomics.load(state, 0) < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(Atomics.load(state, 1)).toBe(2);
    release(state);
    expect(await Promise.all(held)).toEqual(['done r1', 'done r2']);
  });

  it('passes a job’s failure on as a rejection and keeps working', async () => {
    pool = createWorkerPool<HoldJob, string>(entry, 1);
    const state = sharedState();
    await expect(pool.run({ name: 'fail', hold: false, state })).rejects.toThrow('job failed');
    expect(await pool.run({ name: 'next', hold: false, state })).toBe('done next');
  });
});
