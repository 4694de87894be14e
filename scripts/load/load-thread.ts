import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LoadPlan, LoadReport } from './load-generator';

/**
 * The load generator's own thread: autocannon runs the plan and every answer's latency and
 * status are sent back once the run ends. Inside a worker thread autocannon hands back raw
 * histograms instead of its summary, so the counts are made here from the answers themselves.
 */
const { plan } = workerData as { plan: LoadPlan };
const latencies: number[] = [];
const failed = new Map<number, number>();
let bytes = 0;

const instance = autocannon(
  {
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    headers: plan.headers,
    requests: plan.paths.map((path) => ({ path })),
  },
  (error, result) => {
    if (error) throw error;
    const report: LoadReport = {
      requestsPerSecond: latencies.length / plan.seconds,
      requests: latencies.length,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      bytes,
      latencies: Float64Array.from(latencies),
      failedStatuses: [...failed],
    };
    parentPort!.postMessage(report);
  },
);
instance.on('response', (_client, status, size, ms) => {
  latencies.push(ms);
  bytes += size;
  if (status < 200 || status > 299) failed.set(status, (failed.get(status) ?? 0) + 1);
});
