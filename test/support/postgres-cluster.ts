import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for one test run: `initdb` and `pg_ctl` on a free port in a
 * temporary folder, run as the unprivileged `postgres` user when the tests run as root (the
 * server refuses to run as root). Debian's `postgresql` package provides the binaries; or
 * PLEDGEBOOK_TEST_POSTGRES names a server to use instead (a postgres:// URL of a role that may
 * create databases).
 */
export interface TestCluster {
  /** A URL on this cluster for database `name`. */
  urlOf(name: string): string;
  /** The admin URL (the `postgres` database), for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** The PostgreSQL binaries (pg_dump, pg_restore…) folder; null for an external server. */
  binDir: string | null;
  /** Restarts the server (fast shutdown: sessions are cut off), as an office server's update does. */
  restart?(): void;
  stop(): void;
}

export const TEST_POSTGRES_VAR = 'PLEDGEBOOK_TEST_POSTGRES';
const PASSWORD = 'pledgebook-test';

/** The newest installed server's binaries, or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = found.status === 0 ? found.stdout.trim() : '';
  return dir && existsSync(join(dir, 'initdb')) ? dir : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function runAsServerUser(binary: string, args: string[]): void {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(command, argv, { stdio: 'pipe' });
}

/**
 * `durable`: fsync and synchronous commit on and a UTF-8 ctype, as a real office server runs (the
 * bench).
 */
export async function startTestCluster(options: { durable?: boolean } = {}): Promise<TestCluster> {
  const external = process.env[TEST_POSTGRES_VAR];
  if (external) {
    const base = new URL(external);
    const urlOf = (name: string) => {
      const url = new URL(base.toString());
      url.pathname = `/${name}`;
      return url.toString();
    };
    return { urlOf, adminUrl: external, binDir: postgresBinDir(), stop: () => undefined };
  }
  const binDir = postgresBinDir();
  if (!binDir) {
    throw new Error(
      `No PostgreSQL server found for the office-mode tests. Install it (Debian: apt-get install postgresql postgresql-contrib), set ${TEST_POSTGRES_VAR} to a server URL, or run the SQLite half alone: npm run test:sqlite`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  if (isRoot()) execFileSync('chown', ['-R', 'postgres', dir]);
  const port = await freePort();
  runAsServerUser(join(binDir, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '-E',
    'UTF8',
    '--locale=C',
    // The bench's server classifies characters as an office server does (a UTF-8 locale), so
    // pg_trgm indexes Chinese names; in ctype C they have no trigrams and search reads the table.
    ...(options.durable ? ['--lc-ctype=C.UTF-8'] : []),
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
  ]);
  runAsServerUser(join(binDir, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    // fsync off for the tests: a throwaway cluster need not survive a power cut, and CI has slow
    // disks. The bench keeps it on, as an office server runs.
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200` +
      (options.durable
        ? ' -c shared_buffers=256MB'
        : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'),
    'start',
  ]);
  const urlOf = (name: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${name}`;
  return {
    urlOf,
    adminUrl: urlOf('postgres'),
    binDir,
    restart() {
      // pg_ctl restart starts the server again with the options it was started with; its log
      // goes to the file, or the server would hold this call's output pipe open for ever.
      runAsServerUser(join(binDir, 'pg_ctl'), [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-m',
        'fast',
        '-w',
        '-t',
        '60',
        'restart',
      ]);
    },
    stop() {
      try {
        runAsServerUser(join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs SQL on the cluster's admin database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
