import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';
import { E2E_API_PORT, E2E_API_TOKEN, E2E_PORT, E2E_STORAGE_ORIGIN } from './e2e/support/e2e-env';

const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? `data/e2e-${E2E_PORT}`);

/**
 * End-to-end tests run the built SPA against the real server on seeded SQLite data. Specs that
 * need a misbehaving upstream start their own processes (see e2e/support).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
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
    command: 'npx tsx server/main.ts',
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      DEMO_API_PORT: String(E2E_API_PORT),
      DEMO_API_TOKEN: E2E_API_TOKEN,
      RECORDING_TRUSTED_ORIGINS: E2E_STORAGE_ORIGIN,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
  },
});
