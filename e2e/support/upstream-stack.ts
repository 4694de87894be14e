import { prepareRunDataDir, removeRunDataDir } from './e2e-data';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { freePort } from './free-port';
import { startServerProcess, type RunningProcess } from './processes';

/**
 * A real network hop for fault tests: a demo API process, the fault proxy inside the test process,
 * and an app server process in upstream mode (TRATA_API_URL = the proxy). The app server stays up
 * whatever the upstream does.
 */
export interface UpstreamStack {
  /** The app server's origin, for `test.use({ baseURL })`. */
  readonly appUrl: string;
  readonly proxy: FaultProxy;
  /** How long the app server waits for the upstream. */
  readonly upstreamTimeoutMs: number;
  /** Stops the demo API process itself (the proxy then gets connection refused). */
  stopApi(): Promise<void>;
  startApi(): Promise<void>;
  stop(): Promise<void>;
}

export interface UpstreamStackOptions {
  /** Names the data folders (each run's own, so two runs never share a database either). */
  name: string;
  conversations?: number;
  upstreamTimeoutMs?: number;
}

export async function startUpstreamStack(options: UpstreamStackOptions): Promise<UpstreamStack> {
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 2_000;
  const token = `e2e-${options.name}-token`;
  // The demo API writes its own origin into recording URLs, so it needs its port up front.
  const apiPort = await freePort();
  const appPort = await freePort();
  const conversations = options.conversations ?? 300;
  const apiDataDir = prepareRunDataDir({ name: `${options.name}-api`, conversations });
  const appDataDir = prepareRunDataDir({ name: `${options.name}-app` });
  const removeDataDirs = () => [apiDataDir, appDataDir].forEach(removeRunDataDir);
  const apiEnv = {
    DEMO_API_PORT: String(apiPort),
    DEMO_API_TOKEN: token,
    DATA_DIR: apiDataDir,
    DEMO_CONVERSATIONS: String(conversations),
  };
  const apiReady = `http://127.0.0.1:${apiPort}/v1/conversations`;
  const appUrl = `http://127.0.0.1:${appPort}`;

  let api: RunningProcess | undefined;
  let proxy: FaultProxy | undefined;
  let app: RunningProcess | undefined;
  try {
    api = await startServerProcess('server/api/main.ts', apiEnv, apiReady);
    proxy = await startFaultProxy({
      target: `http://127.0.0.1:${apiPort}`,
      slowMs: upstreamTimeoutMs * 5,
    });
    app = await startServerProcess(
      'server/main.ts',
      {
        PORT: String(appPort),
        TRATA_API_URL: proxy.url,
        TRATA_API_TOKEN: token,
        DATA_DIR: appDataDir,
        UPSTREAM_TIMEOUT_MS: String(upstreamTimeoutMs),
      },
      `${appUrl}/healthz`,
    );
  } catch (error) {
    await proxy?.close();
    await api?.stop();
    removeDataDirs();
    throw error;
  }
  const runningProxy = proxy;
  const runningApp = app;

  return {
    appUrl,
    proxy: runningProxy,
    upstreamTimeoutMs,
    async stopApi() {
      await api?.stop();
      api = undefined;
    },
    async startApi() {
      api ??= await startServerProcess('server/api/main.ts', apiEnv, apiReady);
    },
    async stop() {
      await runningApp.stop();
      await runningProxy.close();
      await api?.stop();
      removeDataDirs();
    },
  };
}
