// `npm test` (`npm run test:sqlite` with the argument `sqlite`, `npm run test:packaging` with
// `packaging`) starts here: stop at once,
// saying what to install, rather than fail 40 tests later. On Linux x64 `npm install` brings all
// that `npm test` needs; elsewhere a Chrome may be needed. Packaging needs NSIS everywhere.
import { missingPackagingDeps, missingTestDeps } from './system-deps.mjs';

const packaging = process.argv[2] === 'packaging';
const missing = packaging ? missingPackagingDeps() : missingTestDeps(process.argv[2] ?? 'both');
if (missing.length > 0) {
  console.error(`Pledgebook's ${packaging ? 'packaging tests need' : 'tests need'}:`);
  for (const m of missing) console.error(`  - ${m}`);
  process.exit(1);
}
