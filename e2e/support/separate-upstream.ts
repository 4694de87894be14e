import path from 'node:path';
import { prepareRunDataDir, removeRunDataDir } from './e2e-data';
import { freePort } from './free-port';
import { startServerProcess, type RunningProcess } from './processes';

/**
 * The app server in front of a demo API that runs as a process of its own (`npm run api`), as
 * a real Trata account is: TRATA_API_URL points at it, and its recordings' origin is trusted as
 * a storage host. Stopping that process takes the API and its recordings down for real.
 */
export interface SeparateUpstream {
  readonly appUrl: string;
  readonly apiOrigin: string;
  readonly apiToken: string;
  /** The demo API's database file, to change while its process is stopped. */
  readonly apiDatabase: string;
  /** The app server's DATA_DIR, where its index and its recording copies live. */
  readonly appDataDir: string;
  stopApi(): Promise<void>;
  startApi(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSeparateUpstream(options: {
  name: string;
  conversations: number;
  syncIntervalS: number;
}): Promise<SeparateUpstream> {
  const [apiPort, appPort] = [await freePort(), await freePort()];
  const apiToken = `e2e-${options.name}-token`;
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const apiDataDir = prepareRunDataDir({
    name: `${options.name}-api`,
    conversations: options.conversations,
  });
  const appDataDir = prepareRunDataDir({ name: `${options.name}-app` });
  const apiEnv = {
    DEMO_API_PORT: String(apiPort),
    DEMO_API_TOKEN: apiToken,
    DATA_DIR: apiDataDir,
    DEMO_CONVERSATIONS: String(options.conversations),
  };
  const apiReady = `${apiOrigin}/v1/conversations`;
  let api: RunningProcess | undefined;
  let app: RunningProcess | undefined;
  const removeDataDirs = () => [apiDataDir, appDataDir].forEach(removeRunDataDir);
  try {
    api = await startServerProcess('server/api/main.ts', apiEnv, apiReady);
    app = await startServerProcess(
      'server/main.ts',
      {
        PORT: String(appPort),
        TRATA_API_URL: apiOrigin,
        TRATA_API_TOKEN: apiToken,
        RECORDING_TRUSTED_ORIGINS: apiOrigin,
        DATA_DIR: appDataDir,
        SYNC_INTERVAL_S: String(options.syncIntervalS),
        UPSTREAM_TIMEOUT_MS: '5000',
      },
      `${appUrl}/healthz`,
    );
  } catch (error) {
    await api?.stop();
    removeDataDirs();
    throw error;
  }
  const runningApp = app;
  return {
    appUrl,
    apiOrigin,
    apiToken,
    apiDatabase: path.join(apiDataDir, 'demo.sqlite'),
    appDataDir,
    async stopApi() {
      await api?.stop();
      api = undefined;
    },
    async startApi() {
      api ??= await startServerProcess('server/api/main.ts', apiEnv, apiReady);
    },
    async stop() {
      await runningApp.stop();
      await api?.stop();
      removeDataDirs();
    },
  };
}
