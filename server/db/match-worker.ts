import { Worker } from 'node:worker_threads';
import type { Sql } from './list-plan';

type Reply = { id: number; rids: Int32Array } | { id: number; error: string };

export interface MatchWorker {
  run(sql: Sql): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * One worker thread with a read-only connection to `file`, listing the rowids a query returns.
 * It starts on first use and is unreferenced while idle, so it never keeps a process alive.
 */
export function createMatchWorker(file: string): MatchWorker {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(rids: number[]): void; reject(e: Error): void }>();

  function failAll(error: Error) {
    worker = null;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const spawned = new Worker(new URL('./match-worker-thread.mjs', import.meta.url), {
      workerData: { file },
    });
    spawned.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) spawned.unref();
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(Array.from(reply.rids));
    });
    spawned.on('error', failAll);
    spawned.on('exit', (code) => failAll(new Error(`match worker exited (${code})`)));
    worker = spawned;
    return spawned;
  }

  return {
    run(sql) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const target = started();
        target.ref();
        target.postMessage({ id, text: sql.text, params: sql.params });
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
