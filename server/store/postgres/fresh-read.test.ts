import { describe, expect, it } from 'vitest';
import { freshRead } from './fresh-read';

/** A read whose answers the test hands out one at a time, in order. */
function manualReads() {
  const pending: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  let started = 0;
  const read = () =>
    new Promise<number>((resolve, reject) => {
      started++;
      pending.push({ resolve, reject });
    });
  return { read, pending, started: () => started };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('freshRead', () => {
  it('gives callers that arrive during a read the next read, shared', async () => {
    const reads = manualReads();
    const latest = freshRead(reads.read);
    const first = latest();
    await Promise.resolve();
    const second = latest();
    const third = latest();
    expect(reads.started()).toBe(1);
    reads.pending[0]!.resolve(1);
    expect(await first).toBe(1);
    await settled();
    // The two that asked while the first read ran get a read that began after they asked.
    expect(reads.started()).toBe(2);
    reads.pending[1]!.resolve(2);
    expect(await Promise.all([second, third])).toEqual([2, 2]);
  });

  it('shares a read with the callers of the synchronous run that started it', async () => {
    const reads = manualReads();
    const latest = freshRead(reads.read);
    const [page, counts] = [latest(), latest()];
    reads.pending[0]!.resolve(5);
    expect(await Promise.all([page, counts])).toEqual([5, 5]);
    expect(reads.started()).toBe(1);
  });

  it('starts a read of its own for a caller that arrives when nothing is in flight', async () => {
    const reads = manualReads();
    const latest = freshRead(reads.read);
    const first = latest();
    reads.pending[0]!.resolve(1);
    await first;
    const next = latest();
    expect(reads.started()).toBe(2);
    reads.pending[1]!.resolve(7);
    expect(await next).toBe(7);
  });

  it('passes a failed read to its callers only, and reads again for those queued behind it', async () => {
    const reads = manualReads();
    const latest = freshRead(reads.read);
    const failing = latest();
    await Promise.resolve();
    const queued = latest();
    reads.pending[0]!.reject(new Error('gone'));
    await expect(failing).rejects.toThrow('gone');
    await settled();
    reads.pending[1]!.resolve(3);
    expect(await queued).toBe(3);
  });
});
