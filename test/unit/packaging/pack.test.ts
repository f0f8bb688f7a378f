// Runs the real electron-builder on the real configuration (Linux, "dir" target: the unpacked app
// folder, no installer) against a small copy of the project. Electron itself cannot be downloaded
// here, so `electronDist` points at a stand-in: a file named `electron` holding a fuse wire. That is
// all electron-builder and @electron/fuses look at; nothing is executed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const load = createRequire(import.meta.url);

const builder = load('electron-builder') as {
  build(options: object): Promise<string[]>;
  Platform: { LINUX: { createTarget(type: string, ...archs: number[]): unknown } };
  Arch: { x64: number };
};
const asar = load('@electron/asar') as {
  listPackage(path: string): string[];
  extractFile(archive: string, file: string): Buffer;
};
const fuses = load('@electron/fuses') as {
  FuseV1Options: Record<string, number>;
  getCurrentFuseWire(path: string): Promise<Record<number, number>>;
};
const config = load(join(root, 'electron-builder.config.cjs')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const electronVersion = (load(join(root, 'node_modules', 'electron', 'package.json')) as { version: string })
  .version;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** An x86-64 ELF header: what beforePack checks in the SQLite driver for a Linux x64 package. */
const driver = Buffer.alloc(64);
driver.writeUInt32BE(0x7f454c46, 0);
driver[4] = 2;
driver[5] = 1;
driver.writeUInt16LE(0x3e, 18);

let project = '';
let appOut = '';
let files: string[] = [];

function write(path: string, text: string | Buffer): void {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'pledgebook-pack-'));
  // package.json as the app has it, with the dependencies main really loads (out/main requires
  // better-sqlite3, kysely and zod; the renderer's are bundled), electron among devDependencies
  // (electron-builder refuses it in dependencies) and a homepage (the deb target wants one).
  const runtime = ['better-sqlite3', 'kysely', 'zod'];
  write(
    'package.json',
    JSON.stringify({
      ...pkg,
      dependencies: Object.fromEntries(runtime.map((name) => [name, pkg.dependencies[name]])),
      devDependencies: { electron: electronVersion },
      homepage: 'https://example.invalid/pledgebook',
    }),
  );
  mkdirSync(join(project, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', entry), join(project, 'node_modules', entry));
  }
  write(`node_modules/.pledgebook-native/electron-${electronVersion}-x64/better_sqlite3.node`, driver);
  symlinkSync(join(root, 'resources'), join(project, 'resources'));

  // The build output, and everything that must stay out of the package.
  write('out/main/main.js', 'require("better-sqlite3"); require("kysely"); require("zod");\n');
  write('out/main/main.js.map', '{}');
  write('out/preload/preload.js', '\n');
  write('out/renderer/index.html', '<!doctype html>\n');
  write('out/renderer/assets/index-abc.js', '\n');
  for (const path of [
    'test/support/server.ts',
    'test/support/server.js',
    'test/support/demo.ts',
    'test/unit/packaging/pack.test.ts',
    'test/fixtures/loans.json',
    'electron/main.ts',
    'renderer/index.html',
    'shared/money/amount.ts',
    '.ci/run',
    '.bench-cache/results.json',
    'pledgebook.db',
  ]) {
    write(path, 'not for shipping\n');
  }

  const electronDist = join(project, 'electron-dist');
  mkdirSync(electronDist);
  // Electron's default fuses, and a ninth that this @electron/fuses does not know.
  writeFileSync(
    join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from('\u007fELF…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, 9]),
      Buffer.from('101100011'),
    ]),
    { mode: 0o755 },
  );

  await builder.build({
    projectDir: project,
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
    config: { ...config, electronDist },
    publish: 'never',
  });
  appOut = join(project, 'release', 'linux-unpacked');
  files = asar.listPackage(join(appOut, 'resources', 'app.asar')).map((f) => f.replace(/\\/g, '/'));
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('a package built with electron-builder.config.cjs', () => {
  it('has the SQLite driver in resources/native/', () => {
    const shipped = join(appOut, 'resources', 'native', 'better_sqlite3.node');
    expect(readFileSync(shipped).equals(driver)).toBe(true);
    expect(readdirSync(join(appOut, 'resources')).sort()).toEqual(['app.asar', 'native']);
  });

  it('has the built app and package.json in app.asar', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/main.js',
        '/out/preload/preload.js',
        '/out/renderer/index.html',
        '/out/renderer/assets/index-abc.js',
        '/node_modules/better-sqlite3/lib/index.js',
        '/node_modules/kysely/package.json',
        '/node_modules/zod/package.json',
      ]),
    );
    const shippedPkg = JSON.parse(
      asar.extractFile(join(appOut, 'resources', 'app.asar'), 'package.json').toString('utf8'),
    ) as { main: string; version: string; productName: string };
    expect(shippedPkg).toMatchObject({
      main: 'out/main/main.js',
      version: pkg.version,
      productName: 'Pledgebook',
    });
    expect(existsSync(join(appOut, 'resources', 'app.asar.unpacked'))).toBe(false);
  });

  it('leaves tests, the demo server, sources, CI files and databases out', () => {
    const unwanted = files.filter((f) =>
      /^\/(test|electron|renderer|shared|\.ci|\.bench-cache|electron-dist)(\/|$)|\.map$|\.db$|\.ts$/.test(f),
    );
    expect(unwanted).toEqual([]);
    expect(files.filter((f) => f.startsWith('/node_modules/better-sqlite3/'))).not.toContainEqual(
      expect.stringMatching(/^\/node_modules\/better-sqlite3\/(build|deps|src)\//),
    );
  });

  it('has its fuses flipped in the Electron binary', async () => {
    const wire = await fuses.getCurrentFuseWire(join(appOut, 'pledgebook'));
    const state = (name: string) => String.fromCharCode(wire[fuses.FuseV1Options[name] as number] as number);
    expect(state('RunAsNode')).toBe('0');
    expect(state('EnableCookieEncryption')).toBe('1');
    expect(state('EnableNodeOptionsEnvironmentVariable')).toBe('0');
    expect(state('EnableNodeCliInspectArguments')).toBe('0');
    expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe('1');
    expect(state('OnlyLoadAppFromAsar')).toBe('1');
    expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');
    expect(String.fromCharCode(wire[8] as number)).toBe('1');
  });
});
