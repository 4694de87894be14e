import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';

/**
 * The exports running now: how many (a cap keeps a few people's exports from taking every
 * core), and a way to stop them all when the server shuts down instead of waiting for them.
 */
export class ExportRuns extends EventEmitter<{ change: [] }> {
  private readonly running = new Set<Readable>();

  get size(): number {
    return this.running.size;
  }

  add(stream: Readable): void {
    this.running.add(stream);
    stream.once('close', () => {
      this.running.delete(stream);
      this.emit('change');
    });
    this.emit('change');
  }

  stopAll(): void {
    for (const stream of this.running) stream.destroy(new Error('The server is shutting down.'));
  }

  /** Resolves once no export runs (at once when none does). */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await new Promise<void>((resolve) => this.once('change', resolve));
    }
  }
}
