import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

/** The most a single read hands out at once, from the disk or from memory. */
const READ_BYTES = 64 * 1024;

/**
 * Bytes that arrive over time (a recording being made), written to a file as they come and
 * readable by many at once: a reader of a range gets what is there now and waits for the rest.
 * Only bytes not yet on disk are held in memory, so a long recording costs a few chunks of
 * memory, not its whole length. When the disk refuses a write (full, read-only), the spool keeps
 * the rest in memory instead, so its readers are still served, and says so through `onDiskError`.
 */
export class Spool {
  /** Bytes appended so far. */
  length = 0;
  /** The first `flushed` bytes are in the file. */
  private flushed = 0;
  /** Bytes from `flushed` on, in order, with where each chunk starts. */
  private readonly pending: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private readonly hash = createHash('sha256');
  private handle: FileHandle | null = null;
  private opening: Promise<void>;
  private flushing: Promise<void> | null = null;
  private ended = false;
  private failure: Error | undefined;
  private waiters: (() => void)[] = [];
  private readers = 0;
  private released = false;
  /** Where the whole file is once it is kept, for a reader that comes after the handle closed. */
  private keptAt: string | null = null;
  /** Why the disk refused the bytes; from then on they stay in memory. */
  diskError: Error | undefined;

  constructor(
    readonly file: string,
    private readonly events: {
      onDiskError(error: Error): void;
      onReadersGone(): void;
    },
  ) {
    this.opening = open(file, 'w+').then(
      (handle) => {
        this.handle = handle;
        this.flush();
      },
      (error: Error) => this.refuse(error),
    );
  }

  append(chunk: Uint8Array): void {
    if (!chunk.length || this.ended) return;
    this.hash.update(chunk);
    this.pending.push(chunk);
    this.starts.push(this.length);
    this.length += chunk.length;
    this.flush();
    this.wake();
  }

  /** All bytes are in; resolves once they are on disk (or the disk refused them). */
  async end(): Promise<{ onDisk: boolean; sha256: string }> {
    this.ended = true;
    this.wake();
    await this.opening;
    while (this.flushing) await this.flushing;
    return { onDisk: !this.diskError, sha256: this.hash.digest('hex') };
  }

  fail(error: Error): void {
    this.failure = error;
    this.wake();
  }

  /** No more writes; the file handle closes once the last reader is done. */
  release(keptAt: string | null): void {
    this.released = true;
    this.keptAt = keptAt;
    if (this.readers === 0) void this.closeHandle();
  }

  /** Resolves once the file exists (or could not be made) and no write is under way. */
  async settled(): Promise<void> {
    await this.opening;
    while (this.flushing) await this.flushing;
  }

  /** Readers in progress: a spool nobody reads and nobody can keep is not worth finishing. */
  get readerCount(): number {
    return this.readers;
  }

  /** Bytes `start` to `end` inclusive, in order, as soon as each is there. */
  async *read(start: number, end: number): AsyncGenerator<Uint8Array> {
    this.readers++;
    try {
      let position = start;
      while (position <= end) {
        if (this.failure) throw this.failure;
        const last = Math.min(end, position + READ_BYTES - 1);
        if (position < this.flushed) {
          const handle = this.handle ?? (await this.reopen());
          const count = Math.min(last + 1, this.flushed) - position;
          const { buffer, bytesRead } = await handle.read(Buffer.alloc(count), 0, count, position);
          if (bytesRead === 0) throw new Error(`the file ended before byte ${position}`);
          yield buffer.subarray(0, bytesRead);
          position += bytesRead;
          continue;
        }
        if (position < this.length) {
          const piece = this.fromMemory(position, last);
          if (piece) {
            yield piece;
            position += piece.length;
            continue;
          }
        }
        if (this.ended && position >= this.length)
          throw new Error(`the file ended at ${this.length} bytes, before byte ${position}`);
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
    } finally {
      this.readers--;
      if (this.readers === 0) {
        if (this.released) void this.closeHandle();
        else this.events.onReadersGone();
      }
    }
  }

  /** The bytes from `position` held in memory (not on disk yet, or never), up to `last`. */
  private fromMemory(position: number, last: number): Uint8Array | null {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    const chunk = this.pending[low];
    const from = position - (starts[low] ?? 0);
    if (!chunk || from < 0 || from >= chunk.length) return null;
    return chunk.subarray(from, Math.min(chunk.length, from + last + 1 - position));
  }

  /** Writes pending chunks in order, one write at a time; a refused write ends writing. */
  private flush(): void {
    if (this.flushing || !this.handle || this.diskError || !this.pending.length) return;
    const handle = this.handle;
    this.flushing = (async () => {
      try {
        while (this.pending.length && !this.diskError) {
          const chunk = this.pending[0]!;
          let written = 0;
          while (written < chunk.length) {
            const result = await handle.write(
              chunk,
              written,
              chunk.length - written,
              this.flushed + written,
            );
            written += result.bytesWritten;
          }
          this.flushed += chunk.length;
          this.pending.shift();
          this.starts.shift();
        }
      } catch (error) {
        this.refuse(error instanceof Error ? error : new Error(String(error)));
      } finally {
        this.flushing = null;
      }
      this.flush();
    })();
  }

  private async reopen(): Promise<FileHandle> {
    if (!this.keptAt) throw new Error('the file was not kept; ask for it again');
    this.handle = await open(this.keptAt, 'r');
    return this.handle;
  }

  private refuse(error: Error): void {
    if (this.diskError) return;
    this.diskError = error;
    this.events.onDiskError(error);
  }

  /** Closes the file once writes have settled, unless a reader started meanwhile. */
  private async closeHandle(): Promise<void> {
    await this.settled();
    const handle = this.handle;
    if (!handle || this.readers > 0) return;
    this.handle = null;
    await handle.close().catch(() => undefined);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
