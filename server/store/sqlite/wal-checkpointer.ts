import { Worker } from 'node:worker_threads';

export interface WalCheckpointer {
  /** After a commit: the log is copied back soon, off the writer's thread. */
  nudge(): void;
  close(): Promise<void>;
}

/**
 * Checkpoints `file`'s WAL from a worker thread (see `wal-checkpoint-thread.mjs`). The writer's
 * own automatic checkpoint stays as a backstop at a larger size, for a worker that has died or
 * cannot keep up; while this one keeps up, the writer never runs one.
 */
export function createWalCheckpointer(file: string): WalCheckpointer {
  let worker: Worker | null = new Worker(new URL('./wal-checkpoint-thread.mjs', import.meta.url), {
    workerData: { file },
  });
  // Idle between nudges: it must never keep the process alive.
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) console.warn(`WAL checkpoint failed: ${message.error}`);
  });
  worker.on('error', (error) => {
    console.warn(`WAL checkpointer stopped: ${error.message}`);
    worker = null;
  });
  worker.on('exit', () => {
    worker = null;
  });
  return {
    nudge: () => worker?.postMessage('nudge'),
    async close() {
      const current = worker;
      worker = null;
      if (!current) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.postMessage('close');
      await exited;
    },
  };
}
