import { Worker } from 'node:worker_threads';

export interface LoadPlan {
  url: string;
  paths: readonly string[];
  connections: number;
  seconds: number;
  /** Sent with every request. */
  headers?: Record<string, string>;
}

export interface LoadReport {
  requestsPerSecond: number;
  requests: number;
  /** Refused connections and client timeouts (autocannon counts its timeouts among errors). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Bytes received, headers and bodies. */
  bytes: number;
  /** Every answer's latency, ms. */
  latencies: Float64Array;
  /** Answers other than 2xx, by status. */
  failedStatuses: [number, number][];
}

/**
 * Runs autocannon on a thread of its own. On the benchmark's thread it would share an event
 * loop with whatever else that process serves (the cluster's load balancer): the generator's
 * own work would then be timed as the servers' latency.
 */
export function generateLoad(plan: LoadPlan): Promise<LoadReport> {
  const loader = new URL('../../server/workers/ts-worker.mjs', import.meta.url);
  const entry = new URL('./load-thread.ts', import.meta.url).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(loader, { workerData: { entry, plan } });
    worker.once('message', (report: LoadReport) => {
      resolve(report);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load generator stopped (exit ${code})`)));
  });
}
