import { createWorkerPool, type WorkerPool } from '../workers/worker-pool';
import { preparePageBody, type PageBody, type PreparedPageBody } from './prepare-page-body';

/**
 * Pages prepared on the event loop before the worker is started: loading the worker's modules
 * costs about a second of CPU, more than a small account's whole backfill (the 2,000 demo calls
 * are 20 pages) saves by it.
 */
const PAGES_BEFORE_WORKER = 30;

let pool: WorkerPool<PageBody, PreparedPageBody> | undefined;
let ready = false;
let preparedHere = 0;

function startWorker(): void {
  pool = createWorkerPool<PageBody, PreparedPageBody>(
    new URL('./prepare-page-worker.ts', import.meta.url),
    1,
  );
  // Pages keep being prepared here until the worker has answered once.
  const empty = { bytes: new TextEncoder().encode('[]'), firstPosition: 0 };
  pool.run(empty).then(
    () => (ready = true),
    () => undefined,
  );
}

/**
 * Prepares a list page on a worker thread, so the event loop only writes it: the next pages are
 * parsed there while this one is written, and a request never waits behind a parse. One worker
 * for the process (one sync runs at a time). If the worker cannot run, the page is prepared
 * here instead: slower, never lost.
 */
export async function preparePage(page: PageBody): Promise<PreparedPageBody> {
  if (!pool && ++preparedHere > PAGES_BEFORE_WORKER) startWorker();
  if (!pool || !ready) return preparePageBody(page);
  try {
    return await pool.run(page);
  } catch {
    return preparePageBody(page);
  }
}
