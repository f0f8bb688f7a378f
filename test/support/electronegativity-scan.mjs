// Runs Electronegativity's programmatic API over one folder and prints its findings as JSON.
// A child process of its own because the tool registers globals (i18n's `__`) and patches
// `require`; the test worker stays clean.
// Usage: node electronegativity-scan.mjs <folder> <electronVersion> [excludedCheck,...]
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// The tool fetches translations and Electron's release list at start. Pledgebook's machines are
// offline, so both are refused at once: no request leaves the machine and no timeout is waited.
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('offline: the scan makes no requests'));
  return load.call(this, request, ...rest);
};

const [input, electronVersion, excluded = ''] = process.argv.slice(2);
const run = require('@doyensec/electronegativity');

(run.default ?? run)(
  {
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: excluded.split(',').filter(Boolean),
  },
  false,
)
  .then((result) => {
    const findings = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file,
      line: i.location.line,
    }));
    process.stdout.write(
      `${JSON.stringify({ checks: result.globalChecks + result.atomicChecks, errors: result.errors, findings })}\n`,
    );
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
