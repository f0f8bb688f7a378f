// `npm run demo -- [--db PATH] [--port N] [--as-of YYYY-MM-DD] [--loans N] [--seed S]`: the real UI
// in any browser, over the real services, for machines where Electron cannot run. A book with no
// loans is first seeded with a year of work (as `cli seed`), so every screen has something to show.
// Not shipped in the app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { openApp } from '../../electron/services/app';
import { fixedClock, systemClock } from '../../electron/services/clock';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import { RENDERER_DIR, startLoopbackServer } from './server';
import { sqliteOf } from '../../electron/services/context';

const DEMO_LOANS = 2000;
const DEMO_SEED = 1;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      'as-of': { type: 'string' },
      loans: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('the renderer is not built: run `npm run build` first (npm run demo does it for you)');
  }
  const databasePath = values.db ?? join(tmpdir(), 'pledgebook-demo.db');
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  const app = await openApp({
    databasePath,
    clock: values['as-of'] ? fixedClock(values['as-of']) : systemClock,
    onInternalError: (e) => console.error(e),
  });
  const empty = Number(sqliteOf(app.ctx).prepare('SELECT count(*) FROM loans').pluck().get()) === 0;
  if (empty) {
    const loans = values.loans ? Number(values.loans) : DEMO_LOANS;
    const seed = values.seed ? Number(values.seed) : DEMO_SEED;
    console.log(`Seeding ${loans} loans and a year of work (seed ${seed}) into the empty book…`);
    const { activity } = await seedLoanBook(app.ctx, {
      loans,
      seed,
      asOf: app.ctx.clock.today(),
      activity: true,
    });
    const users = activity!.users.map((u) => `${u.username} (${u.role})`).join(', ');
    console.log(`Sign in as ${users}; password "${activity!.password}".`);
  }
  const server = await startLoopbackServer(() => app.dispatch, port);
  console.log(`Pledgebook demo on ${server.url} (database: ${databasePath}). Ctrl+C to stop.`);
  const stop = () => {
    void server
      .close()
      .then(() => app.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
