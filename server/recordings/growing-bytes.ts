/**
 * Bytes that arrive over time (a recording being made), readable by many at once: a reader of
 * a range gets what is there now and waits for the rest.
 */
export class GrowingBytes {
  length = 0;
  private readonly chunks: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private ended = false;
  private failure: Error | undefined;
  private waiters: (() => void)[] = [];

  append(chunk: Uint8Array): void {
    if (!chunk.length) return;
    this.starts.push(this.length);
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  fail(error: Error): void {
    this.failure = error;
    this.wake();
  }

  /** Bytes `start` to `end` inclusive, in order, as soon as each is there. */
  async *read(start: number, end: number): AsyncGenerator<Uint8Array> {
    let position = start;
    let index = 0;
    while (position <= end) {
      if (this.failure) throw this.failure;
      if (position < this.length) {
        while (this.starts[index + 1] !== undefined && this.starts[index + 1]! <= position) index++;
        const chunk = this.chunks[index]!;
        const from = position - this.starts[index]!;
        const to = Math.min(chunk.length, end + 1 - this.starts[index]!);
        yield chunk.subarray(from, to);
        position += to - from;
        continue;
      }
      if (this.ended)
        throw new Error(`the file ended at ${this.length} bytes, before byte ${position}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
