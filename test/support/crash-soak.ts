// Soak: 1,000 SIGKILLs of a writer mid-transaction, checking the book after every one.
// Run with: npx tsx test/support/crash-soak.ts [KILLS]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import { crashSoak } from './crash-harness';

async function main() {
  const kills = Number(process.argv[2] ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-crash-soak-'));
  const databasePath = join(dir, 'book.db');
  const app = await openApp({ databasePath, clock: fixedClock('2026-06-15') });
  await app.close();
  const started = Date.now();
  try {
    const totals = await crashSoak(databasePath, kills, Math.random, (_c, n) => {
      if (n % 100 === 0) process.stdout.write(`${n} kills…\n`);
    });
    console.log(JSON.stringify({ ...totals, seconds: Math.round((Date.now() - started) / 1000) }, null, 2));
    process.exitCode =
      totals.lostLogged === 0 && totals.partial === 0 && totals.integrityFailures === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
