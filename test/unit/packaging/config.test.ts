import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { devNativeBindingPath, packagedNativeBindingPath } from '../../../electron/native-binding';

const root = join(__dirname, '..', '..', '..');
const load = createRequire(import.meta.url);

interface TargetSpec {
  target: string;
  arch?: string[];
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  copyright?: string;
  version?: string;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  asar?: boolean;
  extraResources?: { from: string; to: string }[];
  npmRebuild?: boolean;
  electronFuses?: unknown;
  beforePack?: unknown;
  afterPack?: unknown;
  win?: { target?: TargetSpec[]; icon?: string };
  nsis?: Record<string, unknown>;
  linux?: {
    target?: TargetSpec[];
    category?: string;
    maintainer?: string;
    icon?: string;
    executableName?: string;
  };
}

const config = load(join(root, 'electron-builder.config.cjs')) as BuilderConfig;
const electronVersion = (load(join(root, 'node_modules', 'electron', 'package.json')) as { version: string })
  .version;

/**
 * electron-builder's reading of `files` for the app's own files: patterns in order, the last one
 * that matches decides, `dot: true`. (It also adds `!**\/node_modules/**` here and copies
 * dependencies separately, see `dependencyIsPackaged`.)
 */
function appFileIsPackaged(path: string): boolean {
  let included = false;
  for (const pattern of config.files ?? []) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

/** For node_modules electron-builder keeps only the "!" patterns of `files`, after `**\/*`. */
function dependencyIsPackaged(path: string): boolean {
  let included = true;
  for (const pattern of config.files ?? []) {
    if (pattern.startsWith('!') && minimatch(path, pattern.slice(1), { dot: true })) included = false;
  }
  return included;
}

describe('electron-builder configuration', () => {
  it('names the app and leaves the version to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string };
    expect(config.appId).toBe('com.pledgebook.app');
    expect(config.productName).toBe(pkg.productName);
    expect(config.productName).toBe('Pledgebook');
    expect(config.copyright).toMatch(/^Copyright © \d{4} /);
    expect(config).not.toHaveProperty('version');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'resources' });
  });

  it('builds a per-user NSIS installer for Windows with a choice of folder and shortcuts', () => {
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
  });

  it('never deletes the user data on uninstall by default; the include offers it, unticked', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    const include = config.nsis?.include;
    expect(include).toBe('resources/installer/uninstall-data.nsh');
    expect(existsSync(join(root, String(include)))).toBe(true);
  });

  it('builds AppImage and deb for Linux, filed under Office, with a maintainer', () => {
    expect(config.linux?.target?.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux?.executableName).toBe('pledgebook');
  });

  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it('takes only out/ and package.json from the project', () => {
    const positive = (config.files ?? []).filter((p) => !p.startsWith('!'));
    expect(positive).toEqual(['out/**', 'package.json']);
    for (const path of [
      'package.json',
      'out/main/main.js',
      'out/preload/preload.js',
      'out/renderer/index.html',
      'out/renderer/assets/index-4RpckUn0.js',
      'out/renderer/assets/index-4RpckUn0.css',
    ]) {
      expect(appFileIsPackaged(path), path).toBe(true);
    }
  });

  it('leaves out the tests, the demo server, sources, fixtures, CI and caches', () => {
    for (const path of [
      'test/support/server.js',
      'test/support/server.ts',
      'test/support/demo.ts',
      'test/e2e/global-setup.ts',
      'test/unit/packaging/config.test.ts',
      'test/fixtures/loans.json',
      'out/main/main.test.js',
      'out/renderer/assets/fixtures/sample.json',
      'out/main/main.js.map',
      'electron/main.ts',
      'electron/tools/make-icons.mjs',
      'renderer/index.html',
      'renderer/src/App.tsx',
      'shared/money/amount.ts',
      '.ci/run',
      '.bench-cache/results.json',
      'coverage/index.html',
      'pledgebook.db',
      'electron-builder.config.cjs',
      'vitest.config.mts',
      'resources/icon.svg',
    ]) {
      expect(appFileIsPackaged(path), path).toBe(false);
    }
  });

  it("ships better-sqlite3's JavaScript but not its Node-ABI build or C sources", () => {
    expect(dependencyIsPackaged('node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(dependencyIsPackaged('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(dependencyIsPackaged('node_modules/kysely/dist/cjs/index.js')).toBe(true);
    expect(dependencyIsPackaged('node_modules/zod/index.cjs')).toBe(true);
    expect(dependencyIsPackaged('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(dependencyIsPackaged('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(dependencyIsPackaged('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
  });

  it('copies the Electron build of the SQLite driver to resources/native/better_sqlite3.node', () => {
    expect(config.extraResources).toHaveLength(1);
    const [entry] = config.extraResources ?? [];
    // `from` is the folder ensure-native.mjs fills and native-binding.ts reads in development…
    const arch = 'x64';
    const from = entry?.from.replace('${arch}', arch) ?? '';
    expect(entry?.from).toContain('${arch}');
    expect(join(root, from)).toBe(devNativeBindingPath(root, electronVersion, arch));
    // …and `to` is where the packaged app looks: process.resourcesPath/native/better_sqlite3.node.
    const resourcesPath = join(root, 'release', 'linux-unpacked', 'resources');
    expect(join(resourcesPath, entry?.to ?? '')).toBe(packagedNativeBindingPath(resourcesPath));
    expect(relative(resourcesPath, packagedNativeBindingPath(resourcesPath)).split(/[\\/]/)).toEqual([
      'native',
      'better_sqlite3.node',
    ]);
  });

  it('never lets electron-builder rebuild node_modules for Electron', () => {
    expect(config.npmRebuild).toBe(false);
    const source = readFileSync(join(root, 'electron-builder.config.cjs'), 'utf8');
    expect(source).toMatch(/npmRebuild: false/);
    expect(source).toMatch(/\/\/.*rebuild/i); // the reason is written down next to it
  });

  it('runs the packaging hooks, and flips fuses only there', () => {
    expect(config.beforePack).toBe(load(join(root, 'electron', 'tools', 'before-pack.cjs')));
    expect(config.afterPack).toBe(load(join(root, 'electron', 'tools', 'after-pack.cjs')));
    expect(config.electronFuses).toBeUndefined();
  });

  it('points each platform at icons that exist', () => {
    expect(config.win?.icon).toBe('resources/icon.ico');
    expect(config.nsis?.installerIcon).toBe('resources/icon.ico');
    expect(config.nsis?.uninstallerIcon).toBe('resources/icon.ico');
    expect(config.linux?.icon).toBe('resources/icons');
    for (const path of [config.win?.icon, config.linux?.icon]) {
      expect(existsSync(join(root, String(path))), String(path)).toBe(true);
    }
  });
});
