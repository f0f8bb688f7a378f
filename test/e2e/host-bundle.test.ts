import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput, Result } from '../../shared/contract';
import { startNodeHost, type NodeHost } from '../support/node-host';

/**
 * The service host as the app ships it: out/main/host.js, the bundle electron-vite builds beside
 * main.js and main starts as a utilityProcess. Run here under plain Node (the bundle needs nothing
 * of Electron), so a bundling fault — a module left out, a path that only resolves from the
 * sources — fails the suite instead of the first start on a lender's PC.
 */
const BUNDLE = resolve(__dirname, '../../out/main/host.js');

const valueOf = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('the built service host', () => {
  let dir: string;
  let host: NodeHost;
  beforeAll(() => {
    expect(existsSync(BUNDLE), 'npm run build writes out/main/host.js').toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'pledgebook-bundle-'));
    host = startNodeHost(
      // As the app opens a book: nobody signed in, the start-up checks in the background.
      { databasePath: join(dir, 'book.db'), actor: 'nobody', startupCheck: 'background' },
      {},
      { path: BUNDLE, built: true },
    );
  });
  afterAll(async () => {
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a new book, migrates it and answers the first screen’s calls', async () => {
    expect(await host.opened).toEqual({ kind: 'ready' });
    const info = valueOf<MethodOutput<'system.info'>>(await host.client.call('system.info', {}));
    expect(info.schemaVersion).toMatch(/^\d{4}_/);
    expect(valueOf<MethodOutput<'auth.status'>>(await host.client.call('auth.status', {}))).toEqual({
      hasUsers: false,
      user: null,
    });
    // Nobody is signed in: the book itself stays closed to the window until someone is.
    expect(await host.client.call('loans.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  }, 60_000);
});
