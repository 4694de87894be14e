import os from 'node:os';
import { createConversation } from '../e2e/support/demo-api';
import { prepareRunDataDir, removeRunDataDir } from '../e2e/support/e2e-data';
import { waitForIndex } from '../e2e/support/index-ready';
import type { CallList } from '../contract';
import type { ProxyMode } from './cluster/replica-proxy';
import { startCluster, type Cluster } from './cluster/start-cluster';
import { generateLoad, type LoadReport } from './load/load-generator';
import { cpuSeconds, pidsNamed } from './load/process-cpu';
import { waitForSyncLeaseHolder } from './cluster/sync-lease-holder';

/**
 * `npm run bench:cluster`: the list route (`GET /api/calls`, a page of 50 in a few sorts, asked
 * for as a browser asks, compressed) under 100 connections for BENCH_SECONDS (60), through the
 * cluster's load balancer (`tcp`) to two replicas on PostgreSQL, then the same load on one
 * replica on SQLite; side by side, with the load average and the CPU each part used per request.
 * Then two replicas on PostgreSQL again behind the `http` balancer, which reads every request,
 * for what that costs. Each run follows 5 s of the same load, unmeasured. The load generator runs on a thread of its own, so it never waits on the
 * load balancer's event loop (this process's).
 * Then the sync failover: the lease holder is killed and a call created upstream; how long until
 * the other replica holds the lease, and until it lists the call. Under scripts/with-postgres.sh.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARM_UP_SECONDS = 5;
const CONNECTIONS = 100;
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 2_000);
const SYNC_INTERVAL_S = 5;
// What Chromium sends: a browser always takes a compressed answer.
const HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const PATHS = [
  '/api/calls?limit=50',
  '/api/calls?limit=50&skip=50',
  '/api/calls?limit=50&sort_by=duration&sort_order=desc',
  '/api/calls?limit=50&sentiment=negative',
];

interface Row {
  setup: string;
  result: LoadReport;
  load: [number, number];
  /** CPU seconds used during the run: the replicas, PostgreSQL, and this process (the load balancer and the load generator). */
  cpu: { replicas: number; postgres: number; balancer: number };
}

/** CPU seconds so far of the cluster's parts, PostgreSQL's processes each on their own. */
function cpuNow(cluster: Cluster) {
  return {
    replicas: cluster.replicas.map((replica) => cpuSeconds(replica.process()?.pid ?? 0)),
    postgres: new Map(pidsNamed('postgres').map((pid) => [pid, cpuSeconds(pid)])),
    balancer: cpuSeconds('self'),
  };
}

function cpuSince(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>) {
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  return {
    replicas: sum(after.replicas) - sum(before.replicas),
    // A backend opened during the run counts from nothing.
    postgres: sum([...after.postgres].map(([pid, s]) => s - (before.postgres.get(pid) ?? 0))),
    balancer: after.balancer - before.balancer,
  };
}

async function withCluster<T>(
  name: string,
  setup: { databaseUrl: string | null; replicas: number; proxyMode: ProxyMode },
  work: (cluster: Cluster) => Promise<T>,
): Promise<T> {
  const { databaseUrl, replicas, proxyMode } = setup;
  const apiDataDir = prepareRunDataDir({ name: `${name}-api`, conversations: CONVERSATIONS });
  const replicasDir = prepareRunDataDir({ name: `${name}-replicas` });
  const cluster = await startCluster({
    databaseUrl,
    replicas,
    conversations: CONVERSATIONS,
    syncIntervalS: SYNC_INTERVAL_S,
    apiDataDir,
    replicasDir,
    proxyMode,
  });
  try {
    await waitForIndex(cluster.url, 600_000);
    return await work(cluster);
  } finally {
    await cluster.stop();
    [apiDataDir, replicasDir].forEach(removeRunDataDir);
  }
}

async function load(cluster: Cluster, setup: string): Promise<Row> {
  const plan = { url: cluster.url, paths: PATHS, connections: CONNECTIONS, headers: HEADERS };
  // Unmeasured: the replicas' code is compiled and their pages read once, as in a server that
  // has been up for a while.
  await generateLoad({ ...plan, seconds: WARM_UP_SECONDS });
  const before = os.loadavg()[0]!;
  const cpuBefore = cpuNow(cluster);
  const result = await generateLoad({ ...plan, seconds: SECONDS });
  const cpu = cpuSince(cpuBefore, cpuNow(cluster));
  return { setup, result, load: [before, os.loadavg()[0]!], cpu };
}

function describeErrors({ errors, timeouts, failedStatuses }: LoadReport): string {
  const kinds = [
    ...(errors > timeouts ? [`connection ${errors - timeouts}`] : []),
    ...(timeouts > 0 ? [`timeout ${timeouts}`] : []),
    ...failedStatuses.map(([status, n]) => `HTTP ${status} ${n}`),
  ];
  return kinds.join(', ') || 'none';
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function report(rows: Row[]) {
  console.log(
    `\n/api/calls, ${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s unmeasured, ${CONVERSATIONS} calls, ${os.cpus().length} cores`,
  );
  console.table(
    rows.map(({ setup, result, cpu, load: [before, after] }) => {
      const sorted = result.latencies.toSorted();
      const perRequest = (seconds: number) => Math.round((seconds * 1e6) / result.requests);
      return {
        setup,
        'req/s': Math.round(result.requestsPerSecond),
        requests: result.requests,
        // autocannon's `errors` already include its timeouts.
        errors: result.errors + result.non2xx,
        // Which kind: a refused connection, a client timeout, or the statuses answered.
        'errors by kind': describeErrors(result),
        'p50 ms': percentile(sorted, 50).toFixed(1),
        'p95 ms': percentile(sorted, 95).toFixed(1),
        'p99 ms': percentile(sorted, 99).toFixed(1),
        'KB/answer': (result.bytes / result.requests / 1024).toFixed(1),
        'CPU µs/request: replicas / PostgreSQL / balancer and generator': `${perRequest(cpu.replicas)} / ${perRequest(cpu.postgres)} / ${perRequest(cpu.balancer)}`,
        'load avg (1 min) before → after': `${before.toFixed(2)} → ${after.toFixed(2)}`,
      };
    }),
  );
}

/** Kills the lease holder and times the survivor's takeover and its first new call. */
async function failover(cluster: Cluster) {
  const holder = await waitForSyncLeaseHolder(cluster);
  const survivor = cluster.replicas.find((replica) => replica !== holder)!;
  await holder.kill();
  const killedAt = Date.now();
  const id = await createConversation(
    { apiOrigin: cluster.apiOrigin, apiToken: cluster.apiToken },
    { id: 'con.bench.failover', timestampStart: new Date().toISOString() },
  );
  const takenOver = await waitForSyncLeaseHolder(cluster, 60_000);
  const leaseMs = Date.now() - killedAt;
  if (takenOver !== survivor) throw new Error('the lease went to an unexpected replica');
  for (;;) {
    const list = (await (
      await fetch(`${survivor.url}/api/calls?limit=20&sort_by=timestampStart&sort_order=desc`)
    ).json()) as CallList;
    if (list.items.some((item) => item.id === id)) break;
    if (Date.now() - killedAt > 120_000) throw new Error('the new call was never listed');
    // Polling the survivor until its sync has read the call.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(
    `\nSync failover (SYNC_INTERVAL_S=${SYNC_INTERVAL_S}): lease holder killed → lease taken by the other replica in ${leaseMs} ms; a call created upstream then is listed by it ${Date.now() - killedAt} ms after the kill`,
  );
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('No DATABASE_URL: run `npm run bench:cluster`.');
  const rows: Row[] = [];
  await withCluster('bench-pg', { databaseUrl, replicas: 2, proxyMode: 'tcp' }, async (cluster) => {
    rows.push(await load(cluster, '2 replicas on PostgreSQL, tcp balancer'));
    await failover(cluster);
  });
  await withCluster(
    'bench-sqlite',
    { databaseUrl: null, replicas: 1, proxyMode: 'tcp' },
    async (cluster) => {
      rows.push(await load(cluster, '1 replica on SQLite, tcp balancer'));
    },
  );
  await withCluster(
    'bench-pg-http',
    { databaseUrl, replicas: 2, proxyMode: 'http' },
    async (cluster) => {
      rows.push(await load(cluster, '2 replicas on PostgreSQL, http balancer'));
    },
  );
  report(rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
