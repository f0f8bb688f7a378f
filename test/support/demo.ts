// `npm run demo -- [--db PATH] [--port N] [--as-of YYYY-MM-DD]`: the real UI in any browser, over
// the real services, for machines where Electron cannot run. Not shipped in the app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { openApp } from '../../electron/services/app';
import { fixedClock, systemClock } from '../../electron/services/clock';
import { RENDERER_DIR, startLoopbackServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, 'as-of': { type: 'string' } },
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
