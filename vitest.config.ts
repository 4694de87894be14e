import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.{ts,tsx}', 'contract/**/*.test.ts'],
            environment: 'jsdom',
            setupFiles: ['./src/testing/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'server',
            include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            // The backend-neutral suites again, on PostgreSQL: run through scripts/with-postgres.sh
            // (npm run test:server:postgres), which sets DATABASE_URL.
            name: 'server-postgres',
            include: [
              'server/store/**/*.test.ts',
              'server/sync/**/*.test.ts',
              'server/outbox/**/*.test.ts',
              'server/insights/**/*.test.ts',
              'server/export/**/*.test.ts',
              'server/index-api/**/*.test.ts',
              'server/store/sqlite/call-groups.test.ts',
              'server/security/pg-*.test.ts',
              'server/security/session-revocations.test.ts',
            ],
            // SQLite's own suites (dialect, migrations, page cache) say nothing about PostgreSQL.
            // The outage suite stops the shared cluster: it runs alone (test:server:postgres).
            exclude: [
              ...configDefaults.exclude,
              'server/store/sqlite/!(call-groups).test.ts',
              'server/cluster/**',
            ],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
);
