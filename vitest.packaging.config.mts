import { defineConfig } from 'vitest/config';

// `npm run test:packaging`: checks that need tools no npm package ships (NSIS's makensis). Kept out
// of `npm test` so that a fresh machine needs only `npm install`; the release steps and .ci/run
// run it.
export default defineConfig({
  test: {
    name: 'packaging',
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
