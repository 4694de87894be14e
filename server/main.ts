import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServer } from './app-server/create-app-server';
import { createRecordingCopies } from './app-server/recording-copies';
import { createRecordingLocator, indexThenUpstream } from './app-server/recording-source';
import { listenWhileStarting } from './app-server/starting-server';
import { registerRecordingRoutes } from './app-server/recording-routes';
import { createFileCache } from './recordings/recording-cache';
import { createUpstream, type Upstream } from './app-server/upstream';
import { ConfigError, loadConfig, redactDatabaseUrl, type Config } from './config';
import { ensureWritableDataDir } from './data-dir';
import { startDemoApi, type DemoApi } from './demo/start-demo-api';
import { assertSafeExposure } from './security/exposure-guard';
import { loadSecurityConfig, type SecurityConfig } from './security/security-config';
import { openStoresWhenReachable } from './store/open-stores';
import { createOutboxWorker } from './outbox/outbox-worker';
import { createSyncEngine } from './sync/sync-engine';
import { createGuardedRecordingFetch } from './upstream-fetch/recording-fetch';

/**
 * `npm start`: the app server, plus the embedded demo API unless TRATA_API_URL points at a real
 * Trata account.
 */
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

async function main(): Promise<void> {
  const { config, security } = readConfigOrExit();
  const logger = { level: config.LOG_LEVEL };

  let demo: DemoApi | undefined;
  let upstream: Upstream;
  if (config.mode === 'demo') {
    demo = await startDemoApi(config, logger);
    upstream = createUpstream({
      baseUrl: demo.origin,
      token: config.DEMO_API_TOKEN,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
    });
  } else {
    upstream = createUpstream({
      baseUrl: config.TRATA_API_URL!,
      token: config.TRATA_API_TOKEN!,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
    });
  }

  // Until the app server (and its logger) exists, the stores speak through the console.
  let storeLog: { info(message: string): void; warn(message: string): void } = {
    info: (message) => console.log(message),
    warn: (message) => console.warn(message),
  };
  // On PostgreSQL, opening may wait for the database or its migrations: the port answers
  // meanwhile, so a load balancer sees a replica starting, not one gone.
  const starting = config.DATABASE_URL
    ? await listenWhileStarting(config.PORT, config.HOST)
    : undefined;
  const stores = await openStoresWhenReachable({
    dataDir: config.dataDir,
    databaseUrl: config.DATABASE_URL,
    poolMax: config.DATABASE_POOL_MAX,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    log: { info: (message) => storeLog.info(message), warn: (message) => storeLog.warn(message) },
  });
  const { calls: store, reviews, revocations: sessions } = stores;
  // When a person last asked for something: the sync gives way to them.
  let lastRequestAt = 0;
  const sync = createSyncEngine({
    store,
    upstream,
    // The demo database lives in the same DATA_DIR whatever its port; a real API is its URL.
    source: config.mode === 'demo' ? 'demo' : upstream.baseUrl,
    intervalMs: config.SYNC_INTERVAL_S * 1000,
    reconcileMs: config.SYNC_RECONCILE_S * 1000,
    reconcileFirst: demo?.originMoved ?? false,
    // Called only once the sync runs, after the app server below exists.
    log: { info: (message) => app.log.info(message), warn: (message) => app.log.warn(message) },
    isBusy: () => Date.now() - lastRequestAt < 1_000,
    lease: stores.lease,
  });
  const outbox = createOutboxWorker({
    store: reviews,
    upstream,
    log: { warn: (message) => app.log.warn(message) },
  });
  const app = await createAppServer({
    upstream,
    sessions,
    health: { database: () => stores.database.probe() },
    rateLimitStore: stores.rateLimitStore,
    staticDir: distDir,
    logger,
    security,
    httpLimits: config.httpLimits,
    index: {
      store,
      sync,
      reviews,
      outbox,
      export: {
        limits: {
          maxRows: config.EXPORT_MAX_ROWS,
          maxConcurrent: config.EXPORT_MAX_CONCURRENT,
        },
      },
    },
  });
  storeLog = { info: (message) => app.log.info(message), warn: (message) => app.log.warn(message) };
  // A promise some store or driver left unwatched is a bug to log, not a reason to drop every
  // request in flight: the database's outages are answered by the routes and loops themselves.
  process.on('unhandledRejection', (reason) => {
    app.log.error({ err: reason }, 'Unhandled rejection (kept running)');
  });
  app.addHook('onRequest', async (request) => {
    // A status line polling the sync or a load balancer's probe is not a person waiting.
    if (
      !request.url.startsWith('/api/sync') &&
      request.url !== '/healthz' &&
      request.url !== '/readyz'
    ) {
      lastRequestAt = Date.now();
    }
  });
  const fetchRecording = createGuardedRecordingFetch({
    allowedHosts: config.RECORDING_HOSTS,
    // The demo API's loopback origin is allowed because it is configured here, by exact origin.
    trustedOrigins: [...config.RECORDING_TRUSTED_ORIGINS, ...(demo ? [demo.origin] : [])],
    connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
  });
  app.addHook('onClose', async () => {
    // The sync gives its lease up first; the stores and then the pool close last.
    await sync.stop();
    await outbox.stop();
    await fetchRecording.close();
    await upstream.close();
    await stores.close();
  });
  registerRecordingRoutes(app, {
    // The index knows where each call's recording is, even while the API is down.
    locate: createRecordingLocator({
      getConversation: indexThenUpstream(
        (id) => store.get(id),
        (id, signal) => upstream.getConversation(id, signal),
      ),
    }),
    fetchRecording,
    // The embedded demo API cannot be down on its own; a real upstream's recordings are kept.
    copies: demo
      ? undefined
      : createRecordingCopies({
          dir: path.join(config.dataDir, 'recording-copies'),
          fetchRecording,
          maxBytes: 200 * 1024 * 1024,
        }),
    peaksCache: createFileCache(path.join(config.dataDir, 'peaks'), '.json', {
      log: { warn: (message) => app.log.warn(message) },
    }),
    // The demo storage host keeps each recording's waveform beside it, made while synthesizing.
    storagePeaksUrl: demo ? demoPeaksUrl(demo.origin) : undefined,
  });
  // Handed over at the last moment: the port is refused for as short a time as can be.
  await starting?.close();
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    stores.database.kind === 'postgres'
      ? `Index, reviews, sessions and rate limits on PostgreSQL (${redactDatabaseUrl(config.DATABASE_URL!)}), shared with any other replica`
      : `Index, reviews and sessions in ${config.dataDir}`,
  );
  app.log.info(
    `Callscope is running on http://${config.HOST}:${config.PORT} (${config.mode === 'demo' ? 'demo data' : `upstream ${upstream.baseUrl}`})`,
  );

  // After listening: the server is ready at once, and the sync fills the index behind it.
  sync.start();
  // Synthesis would compete with the first backfill for the CPU: the demo's recordings of the
  // newest calls are made once the index is filled.
  if (demo) void sync.nextSuccess().then(() => demo.warmRecordings());
  outbox.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing in-flight requests, then stopping`);
    // The app server first, so no request is cut off while the demo API is still needed.
    await app.close();
    await demo?.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

function demoPeaksUrl(origin: string) {
  const prefix = `${origin}/recordings/`;
  return (url: string) =>
    url.startsWith(prefix) && url.endsWith('.mp3') ? `${url.slice(0, -4)}.peaks.json` : null;
}

function readConfigOrExit(): { config: Config; security: SecurityConfig } {
  try {
    const config = loadConfig();
    const security = loadSecurityConfig();
    // Before anything listens: an exposed server without sign-in would serve every call.
    assertSafeExposure(config.HOST, security.auth);
    ensureWritableDataDir(config.dataDir);
    return { config, security };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('Callscope could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
