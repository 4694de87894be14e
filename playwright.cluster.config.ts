import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';

/**
 * The two-replica tests (`npm run test:cluster`): run under scripts/with-postgres.sh, they start
 * a cluster of their own (demo API, two replicas, load balancer) and stop and start PostgreSQL,
 * so they run apart from the other specs and their shared server.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: 'cluster.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
