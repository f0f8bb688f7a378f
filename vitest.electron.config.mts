import { defineConfig } from 'vitest/config';

// `npm run test:electron`: the built app itself, launched through Playwright's Electron support.
// Kept out of `npm test` because it needs Electron's binary, which `npm install` downloads from
// outside npm and which some machines (this project's CI included) cannot fetch.
export default defineConfig({
  test: {
    name: 'electron',
    include: ['test/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
