import { parentPort, Worker } from 'node:worker_threads';

export interface RunOptions {
  /** Background jobs run one at a time, only when no request is waiting, on a spare worker. */
  background?: boolean;
  /** Stops the job: taken off the queue, or asked to stop where it runs (see {@link serveJobs}). */
  signal?: AbortSignal;
}

export interface WorkerPool<In, Out, Progress = never> {
  run(
    input: In,
    options?: RunOptions & { onProgress?: (progress: Progress) => void },
  ): Promise<Out>;
  /** Starts the workers now, so no job pays for loading one. */
  warm(): void;
  close(): Promise<void>;
}

interface Job<In, Out, Progress> {
  input: In;
  background: boolean;
  /** Set to 1 to ask the worker to stop: shared memory, read while the job runs synchronously. */
  cancel: Int32Array;
  onProgress?: (progress: Progress) => void;
  resolve(value: Out): void;
  reject(error: Error): void;
}

type Reply<Out, Progress> =
  { progress: Progress } | { done: true; value: Out } | { done: true; error: string };

/**
 * A small pool of worker threads running one TypeScript module (see {@link serveJobs}). Requests
 * go first; background work never takes the last idle worker while a request could need it.
 * Idle workers are unreferenced, so they never keep a process alive on their own.
 */
export function createWorkerPool<In, Out, Progress = never>(
  entry: URL,
  size: number,
): WorkerPool<In, Out, Progress> {
  const loader = new URL('./ts-worker.mjs', import.meta.url);
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job<In, Out, Progress>>();
  const queue: Job<In, Out, Progress>[] = [];
  let backgroundRunning = 0;
  let closed = false;

  function spawn(): Worker {
    const worker = new Worker(loader, { workerData: { entry: entry.href } });
    worker.unref();
    worker.on('message', (reply: Reply<Out, Progress>) => {
      const job = busy.get(worker);
      if ('progress' in reply) return job?.onProgress?.(reply.progress);
      busy.delete(worker);
      finish(worker, job);
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply.value);
    });
    const lose = (error: Error) => {
      const job = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      if (job) finish(undefined, job);
      job?.reject(error);
    };
    worker.on('error', lose);
    worker.on('exit', (code) => lose(new Error(`worker stopped (exit code ${code})`)));
    return worker;
  }

  function finish(worker: Worker | undefined, job: Job<In, Out, Progress> | undefined) {
    if (job?.background) backgroundRunning--;
    if (worker) {
      worker.unref();
      idle.push(worker);
    }
    dispatch();
  }

  function nextJob(): Job<In, Out, Progress> | undefined {
    const request = queue.findIndex((job) => !job.background);
    if (request >= 0) return queue.splice(request, 1)[0];
    // Room for one more job after this one: a request arriving now will not wait behind it.
    const freeSlots = size - busy.size;
    if (queue.length && backgroundRunning === 0 && (freeSlots >= 2 || size === 1))
      return queue.shift();
    return undefined;
  }

  function dispatch() {
    while (queue.length && !closed) {
      if (!idle.length && busy.size >= size) return;
      const job = nextJob();
      if (!job) return;
      const worker = idle.pop() ?? spawn();
      worker.ref();
      busy.set(worker, job);
      if (job.background) backgroundRunning++;
      worker.postMessage({ input: job.input, cancel: job.cancel.buffer });
    }
  }

  return {
    run(input, options = {}) {
      return new Promise<Out>((resolve, reject) => {
        const { background = false, onProgress, signal } = options;
        const cancel = new Int32Array(new SharedArrayBuffer(4));
        const job = { input, background, cancel, onProgress, resolve, reject };
        signal?.addEventListener(
          'abort',
          () => {
            Atomics.store(cancel, 0, 1);
            const queued = queue.indexOf(job);
            if (queued < 0) return;
            queue.splice(queued, 1);
            reject(new Error('cancelled before it started'));
          },
          { once: true },
        );
        if (signal?.aborted) return reject(new Error('cancelled before it started'));
        queue.push(job);
        dispatch();
      });
    },
    warm() {
      while (!closed && idle.length + busy.size < size) idle.push(spawn());
    },
    async close() {
      closed = true;
      const workers = [...idle, ...busy.keys()];
      idle.length = 0;
      for (const job of queue.splice(0)) job.reject(new Error('worker pool closed'));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Whether the job's caller has asked it to stop; cheap enough to check in a tight loop. */
export interface CancelFlag {
  readonly aborted: boolean;
}

/**
 * The worker side: answers each job with `handle`'s result. `progress` sends partial results on
 * the way, transferring the buffers it lists instead of copying them. `cancel` turns true when
 * the caller's signal aborts, even while the job never yields to the event loop.
 */
export function serveJobs<In, Out, Progress = never>(
  handle: (
    input: In,
    progress: (value: Progress, transfer?: ArrayBuffer[]) => void,
    cancel: CancelFlag,
  ) => Promise<{ value: Out; transfer?: ArrayBuffer[] }>,
): void {
  const port = parentPort;
  if (!port) return;
  const progress = (value: Progress, transfer: ArrayBuffer[] = []) =>
    port.postMessage({ progress: value }, transfer);
  port.on('message', async ({ input, cancel }: { input: In; cancel: SharedArrayBuffer }) => {
    const flag = new Int32Array(cancel);
    const cancelled = {
      get aborted() {
        return Atomics.load(flag, 0) === 1;
      },
    };
    try {
      const { value, transfer = [] } = await handle(input, progress, cancelled);
      port.postMessage({ done: true, value }, transfer);
    } catch (error) {
      port.postMessage({
        done: true,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
