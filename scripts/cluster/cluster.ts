import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProxyMode } from './replica-proxy';
import { startCluster } from './start-cluster';

/** How the load balancer forwards, from `CLUSTER_PROXY`. */
function proxyMode(value: string | undefined): ProxyMode {
  if (value === undefined || value === 'tcp' || value === 'http') return value ?? 'tcp';
  console.error(`CLUSTER_PROXY is "${value}": it takes tcp (the default) or http.`);
  process.exit(1);
}

/**
 * `npm run cluster`: the demo Trata API, two replicas on one PostgreSQL database and a load
 * balancer, on 127.0.0.1. Runs under scripts/with-postgres.sh, which supplies the database.
 * Ctrl+C stops everything. `CLUSTER_REPLICAS`, `CLUSTER_PORT`, `CLUSTER_PROXY` and
 * `DEMO_CONVERSATIONS` vary it.
 */
async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) {
    console.error('The replicas serve the built app: run `npm run build` first.');
    process.exit(1);
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('No DATABASE_URL: run it as `npm run cluster` (scripts/with-postgres.sh).');
    process.exit(1);
  }
  const root = path.resolve('data/cluster');
  const cluster = await startCluster({
    databaseUrl,
    replicas: Number(process.env.CLUSTER_REPLICAS ?? 2),
    conversations: Number(process.env.DEMO_CONVERSATIONS ?? 2_000),
    syncIntervalS: Number(process.env.SYNC_INTERVAL_S ?? 5),
    // The demo API's database and recordings are kept between runs; the replicas' database is not.
    apiDataDir: path.join(root, 'trata-api'),
    replicasDir: root,
    proxyPort: process.env.CLUSTER_PORT ? Number(process.env.CLUSTER_PORT) : undefined,
    proxyMode: proxyMode(process.env.CLUSTER_PROXY),
    echo: true,
  });
  console.log(
    [
      '',
      `Callscope cluster: open ${cluster.url}`,
      ...cluster.replicas.map(
        (replica) => `  ${replica.name}: ${replica.url} (pid ${replica.process()?.pid})`,
      ),
      `  demo Trata API: ${cluster.apiOrigin} (token ${cluster.apiToken})`,
      'Ctrl+C stops everything.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the cluster…');
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The cluster could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
