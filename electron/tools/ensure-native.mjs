#!/usr/bin/env node
// Makes sure a better-sqlite3 build for Electron's ABI exists beside (never instead of) the
// Node build that tests and the CLI use. Runs before `npm start`; does nothing when it exists.
//
// Strategy: copy the better-sqlite3 package into a scratch folder and build there — first try
// the project's prebuilt binary for this Electron (prebuild-install), then compile against
// Electron's headers with node-gyp. The Node build in node_modules is never touched.
import { cpSync, existsSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronVersion = require(join(root, 'node_modules', 'electron', 'package.json')).version;
const arch = process.env.npm_config_arch || process.arch;
const targetDir = join(root, 'node_modules', '.pledgebook-native', `electron-${electronVersion}-${arch}`);
const target = join(targetDir, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = join(root, 'node_modules', '.pledgebook-native', 'work', 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(dirname(work), { recursive: true });
cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });

// npm exports npm_config_nodedir (e.g. /usr on build machines): it would make node-gyp compile
// against Node's headers while claiming success. Electron builds must not inherit it.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|runtime|target|disturl)$/i.test(k)),
);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' }).status ===
  0;

console.log(`Pledgebook: preparing the SQLite driver for Electron ${electronVersion} (${arch}), once…`);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const ok =
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', arch]) ||
  run(bin('node-gyp'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ]);

const built = join(work, 'build', 'Release', 'better_sqlite3.node');
if (!ok || !existsSync(built)) {
  console.error(
    'Pledgebook: could not obtain the SQLite driver for Electron. An internet connection (GitHub and electronjs.org) or a C++ build toolchain is needed the first time.',
  );
  process.exit(1);
}
mkdirSync(targetDir, { recursive: true });
copyFileSync(built, target);
rmSync(dirname(work), { recursive: true, force: true });
console.log(`Pledgebook: SQLite driver ready at ${target}`);
