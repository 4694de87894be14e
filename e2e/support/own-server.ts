import { test as guarded } from './console-guard';
import { prepareRunDataDir, removeRunDataDir } from './e2e-data';
import { E2E_STORAGE_ORIGIN } from './e2e-env';
import { freePort } from './free-port';
import { startServerProcess } from './processes';

/**
 * An app server with its embedded demo API, for tests that add or change calls: on its own
 * ports and its own copy of the seeded database, so no other test's list or counts ever see
 * what they wrote. Tests on it must not count or list what the others wrote either.
 */
export interface OwnServer {
  /** The app server's origin: open pages at `${appUrl}/calls/…`. */
  readonly appUrl: string;
  /** Its demo API's origin, to add calls to it (e2e/support/demo-api.ts). */
  readonly apiOrigin: string;
  readonly apiToken: string;
}

// Small: its tests only read the calls they add and the seed example, which every size has.
const OWN_SERVER_CONVERSATIONS = 120;

async function startOwnServer(): Promise<OwnServer & { stop(): Promise<void> }> {
  const [appPort, apiPort] = [await freePort(), await freePort()];
  const apiToken = 'e2e-own-server-token';
  const dataDir = prepareRunDataDir({ name: 'own', conversations: OWN_SERVER_CONVERSATIONS });
  const appUrl = `http://127.0.0.1:${appPort}`;
  try {
    const server = await startServerProcess(
      'server/main.ts',
      {
        PORT: String(appPort),
        DEMO_API_PORT: String(apiPort),
        DEMO_API_TOKEN: apiToken,
        DATA_DIR: dataDir,
        // The damaged storage host (e2e/support/damaged-storage.ts) is trusted here too.
        RECORDING_TRUSTED_ORIGINS: E2E_STORAGE_ORIGIN,
      },
      `${appUrl}/healthz`,
    );
    return {
      appUrl,
      apiOrigin: `http://127.0.0.1:${apiPort}`,
      apiToken,
      async stop() {
        await server.stop();
        removeRunDataDir(dataDir);
      },
    };
  } catch (error) {
    removeRunDataDir(dataDir);
    throw error;
  }
}

/** The console-guarded test with `ownServer`, started once per worker on first use. */
export const test = guarded.extend<object, { ownServer: OwnServer }>({
  ownServer: [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startOwnServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect } from './console-guard';
