import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/**/*.postgres.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // The same integration suite on a PostgreSQL book (office mode), minus SQLite's own tests.
        test: {
          name: 'integration-postgres',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/**/*.sqlite.test.ts'],
          environment: 'node',
          env: { PLEDGEBOOK_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/integration/postgres-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/**/*.postgres.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the CI machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // Screens on a server book two PCs share: its own throwaway cluster per file.
        test: {
          name: 'e2e-postgres',
          include: ['test/e2e/**/*.postgres.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
