// `npm test` starts here: stop at once, saying what to install, rather than fail 40 tests later.
import { missingSystemDeps } from './system-deps.mjs';

const missing = missingSystemDeps();
if (missing.length > 0) {
  console.error('Pledgebook tests need these system packages, which are missing:');
  for (const m of missing) console.error(`  - ${m}`);
  console.error('On Debian/Ubuntu, `bash .ci/run` installs all of them.');
  process.exit(1);
}
