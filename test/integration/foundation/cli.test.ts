import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';
import { MIGRATION_NAMES } from '../../../electron/db/migrations';
import { useTempDir } from './support';

const REPO = join(__dirname, '../../..');
const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const tempDir = useTempDir('pledgebook-cli-');

/** Runs the CLI in-process and captures what it would print, line by line. */
async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env };
  const code = await runCli(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), out, err };
}

const lines = (text: string) => text.split('\n').filter((l) => l.length > 0);

describe('cli check', () => {
  it('creates, migrates and checks a new database, and says it is healthy', async () => {
    const db = join(tempDir(), 'books', 'branch-1', 'pledgebook.db');
    const { code, out, err } = await cli(['check', '--db', db]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(out.at(-1)).toBe('healthy');
    expect(out).toContain('integrity: ok');
    expect(out).toContain(`migrations: ${MIGRATION_NAMES.length} applied, 0 pending, 0 unknown`);
    expect(out).toContain('journal_mode=wal synchronous=2 foreign_keys=1');
  });

  it('gives a JSON report with --json and nothing else on stdout', async () => {
    const db = join(tempDir(), 'pledgebook.db');
    const { code, stdout, err } = await cli(['check', '--db', db, '--json']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      healthy: true,
      integrity: ['ok'],
      foreignKeyViolations: 0,
      migrations: { applied: MIGRATION_NAMES, pending: [], unknown: [] },
      pragmas: { journalMode: 'wal', synchronous: 2, foreignKeys: 1 },
    });
  });

  it('finds the database through PLEDGEBOOK_DB when --db is not given', async () => {
    const db = join(tempDir(), 'from-env.db');
    const { code } = await cli(['check', '--json'], { PLEDGEBOOK_DB: db });
    expect(code).toBe(0);
    expect(existsSync(db)).toBe(true);
  });

  it('prefers --db over PLEDGEBOOK_DB', async () => {
    const flag = join(tempDir(), 'flag.db');
    const env = join(tempDir(), 'env.db');
    await cli(['check', '--db', flag], { PLEDGEBOOK_DB: env });
    expect(existsSync(flag)).toBe(true);
    expect(existsSync(env)).toBe(false);
  });

  it('fails a file that is not a database: exit 1, one line on stderr, nothing on stdout', async () => {
    const db = join(tempDir(), 'pledgebook.db');
    writeFileSync(db, Buffer.from('This is the loan ledger spreadsheet, not SQLite. '.repeat(200)));
    const { code, stdout, stderr } = await cli(['check', '--db', db]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^check: .*not a database/);
  });

  it('does not alter a corrupted file it was asked to check', async () => {
    const db = join(tempDir(), 'pledgebook.db');
    const garbage = Buffer.alloc(8192, 0xab);
    writeFileSync(db, garbage);
    await cli(['check', '--db', db, '--json']);
    expect(readFileSync(db)).toEqual(garbage);
  });

  it('refuses an unknown flag: exit 2, one line on stderr naming it', async () => {
    const { code, stdout, stderr } = await cli(['check', '--db', join(tempDir(), 'x.db'), '--repair']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain('--repair');
    expect(existsSync(join(tempDir(), 'x.db'))).toBe(false);
  });

  it('refuses --db without a path: exit 2', async () => {
    const { code, err } = await cli(['check', '--db']);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
  });
});

describe('cli commands and usage', () => {
  it('refuses an unknown command with exit 2 and lists the real ones', async () => {
    const { code, stdout, err } = await cli(['repay', '--loan', 'PB-0001']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('"repay"');
    expect(err[0]).toContain('check');
    expect(err[0]).toContain('version');
  });

  it('prints usage on stderr with exit 2 when no command is given', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage:');
  });

  it('version prints "Pledgebook <version>" from package.json', async () => {
    const { code, out, err } = await cli(['version']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([`Pledgebook ${VERSION}`]);
  });

  it('version takes no flags', async () => {
    const { code, stdout, err } = await cli(['version', '--verbose']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(err).toHaveLength(1);
  });
});

describe('the real CLI process', () => {
  const run = promisify(execFile);
  const env = { ...process.env, PLEDGEBOOK_DB: '', NO_COLOR: '1' };

  it('npm run --silent cli -- version prints only the version line', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { stdout } = await run(npm, ['run', '--silent', 'cli', '--', 'version'], {
      cwd: REPO,
      env,
      shell: process.platform === 'win32',
    });
    expect(stdout).toBe(`Pledgebook ${VERSION}\n`);
  });

  it('check --json writes parseable JSON and nothing else, and exits 0', async () => {
    const db = join(tempDir(), 'spawned.db');
    const tsx = join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
    const { stdout, stderr } = await run(tsx, ['electron/cli/main.ts', 'check', '--db', db, '--json'], {
      cwd: REPO,
      env,
      shell: process.platform === 'win32',
    });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ healthy: true });
  });

  it('exits 2 for an unknown command, with one line on stderr and an empty stdout', async () => {
    const tsx = join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
    const failure = await run(tsx, ['electron/cli/main.ts', 'frobnicate'], {
      cwd: REPO,
      env,
      shell: process.platform === 'win32',
    }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(lines(failure?.stderr ?? '')).toHaveLength(1);
  });
});
