// Soak: malformed payloads to every contract method (default 100,000 each), then proof that
// nothing was written. Run with: npx tsx test/support/ipc-fuzz-soak.ts [RUNS_PER_METHOD]
import { contract, type MethodName } from '../../shared/contract';
import { tableChecksums } from '../../electron/services/system/checksums';
import { fuzzMethod } from './contract-fuzz';
import { openTestApp } from './test-app';
import { sqliteOf } from '../../electron/services/context';

async function main() {
  const runs = Number(process.argv[2] ?? 100_000);
  const app = await openTestApp('2026-06-15');
  let uncaught = 0;
  process.on('uncaughtException', () => (uncaught += 1));
  process.on('unhandledRejection', () => (uncaught += 1));
  const before = tableChecksums(sqliteOf(app.ctx));
  let payloads = 0;
  let unexpected = 0;
  const started = Date.now();
  for (const method of Object.keys(contract) as MethodName[]) {
    const tally = await fuzzMethod(app.dispatch, method, runs);
    payloads += tally.payloads;
    unexpected += tally.unexpected.length;
    if (tally.unexpected.length > 0) console.log(method, JSON.stringify(tally.unexpected.slice(0, 3)));
  }
  const after = tableChecksums(sqliteOf(app.ctx));
  const writes = Object.keys(before).filter((t) => before[t] !== after[t]).length;
  console.log(
    JSON.stringify({
      methods: Object.keys(contract).length,
      payloads,
      unexpected,
      uncaught,
      tablesChanged: writes,
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
  await app.dispose();
  process.exitCode = unexpected === 0 && uncaught === 0 && writes === 0 ? 0 : 1;
}

void main();
