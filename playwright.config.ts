import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';
// Picks this run's free ports (unless E2E_PORT is set) before anything reads them.
import { E2E_API_PORT, E2E_API_TOKEN, E2E_PORT, E2E_STORAGE_ORIGIN } from './e2e/support/e2e-env';

/**
 * End-to-end tests run the built SPA against the real server on seeded SQLite data, a copy of
 * its own per run (e2e/support/e2e-server.ts). Specs that need a misbehaving upstream, or that
 * add calls, start their own processes (see e2e/support).
 */
export default defineConfig({
  testDir: './e2e',
  // Two replicas on PostgreSQL: its own config (playwright.cluster.config.ts, npm run test:cluster).
  testIgnore: 'cluster.spec.ts',
  // After the webServer is up: the list reads the call index, which fills right after the start.
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // No retries, on CI either: a test that passes only on a second try hides a race (see test:stress).
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    // Node itself with the tsx loader, so the stop signal reaches the server, which then removes
    // its run's DATA_DIR on the way out.
    command: 'node --import tsx e2e/support/e2e-server.ts',
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(E2E_PORT),
      DEMO_API_PORT: String(E2E_API_PORT),
      DEMO_API_TOKEN: E2E_API_TOKEN,
      RECORDING_TRUSTED_ORIGINS: E2E_STORAGE_ORIGIN,
      LOG_LEVEL: 'warn',
    },
  },
});
