// `npm test` starts here: stop at once, saying what to install, rather than fail 40 tests later.
// On Linux x64 `npm install` brings everything; elsewhere a Chrome may be needed.
import { missingTestDeps } from './system-deps.mjs';

const missing = missingTestDeps();
if (missing.length > 0) {
  console.error('Pledgebook tests need:');
  for (const m of missing) console.error(`  - ${m}`);
  process.exit(1);
}
