import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClusterDatabase, type ClusterDatabase } from './cluster-database';
import { freePort } from '../../e2e/support/free-port';
import { startNodeProcess, type NodeProcess } from './node-process';
import { startReplicaProxy, type ProxyMode, type ReplicaProxy } from './replica-proxy';

/**
 * A Callscope deployment on one machine: the demo Trata API as a process of its own (standing
 * for Trata), N app replicas on one PostgreSQL database, and a load balancer in front. Used by
 * `npm run cluster`, the cluster tests and `npm run bench:cluster`.
 */
export interface ClusterOptions {
  /** A PostgreSQL server; each cluster makes a database of its own there. Null: SQLite per replica. */
  databaseUrl: string | null;
  replicas?: number;
  /** Calls the demo API seeds on its first start in `apiDataDir`. */
  conversations?: number;
  syncIntervalS?: number;
  /** The demo API's DATA_DIR (its database and recordings); a temporary one by default. */
  apiDataDir?: string;
  /** Where each replica's DATA_DIR goes (`<dir>/replica-1`…); a temporary one by default. */
  replicasDir?: string;
  proxyPort?: number;
  /** How the load balancer forwards: whole connections (`tcp`, the default) or each request. */
  proxyMode?: ProxyMode;
  /** Readiness path the proxy probes. */
  readyPath?: string;
  /** Echo every process's output with its name (the interactive `npm run cluster`). */
  echo?: boolean;
  /** Extra environment for every replica. */
  replicaEnv?: Record<string, string>;
}

export interface Replica {
  readonly name: string;
  readonly url: string;
  readonly dataDir: string;
  /** The running process, or null while stopped. */
  process(): NodeProcess | null;
  /** SIGKILL, as a crash of the machine would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface Cluster {
  /** The load balancer's origin: what a browser opens. */
  readonly url: string;
  readonly apiOrigin: string;
  readonly apiToken: string;
  /** The cluster's own database (null on SQLite). */
  readonly databaseUrl: string | null;
  readonly replicas: readonly Replica[];
  readonly proxy: ReplicaProxy;
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const replicaCount = options.replicas ?? 2;
  const scratch = mkdtempSync(path.join(tmpdir(), 'callscope-cluster-'));
  const apiDataDir = options.apiDataDir ?? path.join(scratch, 'api');
  const replicasDir = options.replicasDir ?? scratch;
  const apiToken = `cluster-${randomBytes(8).toString('hex')}`;
  const apiOrigin = `http://127.0.0.1:${await freePort()}`;
  const sessionSecret = randomBytes(32).toString('hex');
  const started: NodeProcess[] = [];
  let database: ClusterDatabase | null = null;
  let proxy: ReplicaProxy | null = null;
  const replicas: Replica[] = [];

  const cleanUp = async () => {
    await proxy?.close();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await Promise.all(started.map((child) => child.stop()));
    await database?.drop();
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    const api = await startNodeProcess({
      name: 'trata-api',
      script: 'server/api/main.ts',
      env: {
        DEMO_API_PORT: new URL(apiOrigin).port,
        DEMO_API_TOKEN: apiToken,
        DATA_DIR: apiDataDir,
        DEMO_CONVERSATIONS: String(options.conversations ?? 2_000),
        // Seeding progress is printed whatever the level; info would log every sync request.
        LOG_LEVEL: 'warn',
      },
      // The token is required: a 401 answers once it listens.
      readyUrl: `${apiOrigin}/v1/conversations?limit=1`,
      echo: options.echo,
      // A first start seeds the demo database.
      timeoutMs: 600_000,
    });
    started.push(api);
    database = options.databaseUrl ? await createClusterDatabase(options.databaseUrl) : null;
    for (let index = 1; index <= replicaCount; index++) {
      const dataDir = path.join(replicasDir, `replica-${index}`);
      mkdirSync(dataDir, { recursive: true });
      const replica = createReplica({
        name: `replica-${index}`,
        port: await freePort(),
        dataDir,
        echo: options.echo ?? false,
        env: {
          TRATA_API_URL: apiOrigin,
          TRATA_API_TOKEN: apiToken,
          // The demo API serves its recordings itself, over http on loopback.
          RECORDING_TRUSTED_ORIGINS: apiOrigin,
          ...(database ? { DATABASE_URL: database.url } : {}),
          SESSION_SECRET: sessionSecret,
          SYNC_INTERVAL_S: String(options.syncIntervalS ?? 5),
          // Every client reaches the replicas from the proxy's address: per-address limits would
          // count them all as one.
          MAX_CONNECTIONS_PER_ADDRESS: '4096',
          RATE_LIMIT_API_PER_MINUTE: '1000000',
          RATE_LIMIT_RECORDINGS_PER_MINUTE: '1000000',
          // Info would log every probe of the load balancer.
          LOG_LEVEL: 'warn',
          ...options.replicaEnv,
        },
      });
      replicas.push(replica);
    }
    await Promise.all(replicas.map((replica) => replica.start()));
    proxy = await startReplicaProxy({
      targets: replicas.map((replica) => replica.url),
      port: options.proxyPort,
      readyPath: options.readyPath,
      mode: options.proxyMode,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const runningProxy = proxy;
  return {
    url: runningProxy.url,
    apiOrigin,
    apiToken,
    databaseUrl: database?.url ?? null,
    replicas,
    proxy: runningProxy,
    stop: cleanUp,
  };
}

function createReplica(options: {
  name: string;
  port: number;
  dataDir: string;
  env: Record<string, string>;
  echo: boolean;
}): Replica {
  const url = `http://127.0.0.1:${options.port}`;
  let running: NodeProcess | null = null;
  return {
    name: options.name,
    url,
    dataDir: options.dataDir,
    process: () => running,
    async kill() {
      await running?.kill();
      running = null;
    },
    async stop() {
      await running?.stop();
      running = null;
    },
    async start() {
      running ??= await startNodeProcess({
        name: options.name,
        script: 'server/main.ts',
        env: { ...options.env, PORT: String(options.port), DATA_DIR: options.dataDir },
        readyUrl: `${url}/healthz`,
        echo: options.echo,
      });
    },
  };
}
