import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';
import { WANG_FANG } from '../../support/test-app';
import { movableClock, openAccessApp, refusals, type AccessApp } from './support';

let app!: AccessApp;
afterEach(async () => app.dispose());

/** Runs `npm run cli -- call …` in this process, as `user` with their test password. */
async function call(user: string, method: string, input: unknown, password = `${user}-password!`) {
  const file = join(mkdtempSync(join(tmpdir(), 'pledgebook-call-')), 'input.json');
  writeFileSync(file, JSON.stringify(input));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { PLEDGEBOOK_PASSWORD: password },
  };
  const args = ['call', method, '--input', file, '--user', user, '--db', app.ctx.databasePath];
  const code = await runCli([...args, '--as-of', '2026-06-15'], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli call: any method, as a user, through the same guard', () => {
  it('answers a read with JSON, and refuses a change the role may not make with exit 1 and the code', async () => {
    app = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    await app.call('borrowers.create', WANG_FANG);
    await app.as('zhao', 'viewer');

    const read = await call('zhao', 'borrowers.list', {});
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject({ total: 1, rows: [{ name: WANG_FANG.name }] });

    const write = await call('zhao', 'borrowers.create', { ...WANG_FANG, idNumber: '110101198511112345' });
    expect(write).toMatchObject({ code: 1, out: '' });
    expect(write.err).toMatch(/^forbidden: .*book\.write/);
    expect(await refusals(app)).toEqual([
      { username: 'zhao', method: 'borrowers.create', reason: 'permission' },
    ]);
  });

  it('refuses a wrong password before running anything, and a malformed request with its code', async () => {
    app = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    const wrong = await call('chen', 'borrowers.list', {}, 'not the password');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^unauthorized: wrong user name or password/);
    const malformed = await call('chen', 'borrowers.get', { id: 'one' });
    expect(malformed.code).toBe(1);
    expect(malformed.err).toMatch(/^invalid-input: /);
  });
});
