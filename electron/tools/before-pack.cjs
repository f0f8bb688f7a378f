'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder require()s this file */
// electron-builder `beforePack` hook: makes sure the better-sqlite3 build for Electron's ABI, which
// `extraResources` copies to resources/native/better_sqlite3.node, exists for the Electron version
// and arch being packaged, and is a binary for the target OS and CPU. Without this check a missing
// file is only a warning in electron-builder's log, and the installed app would fail on first start.
//
// The file is made by electron/tools/ensure-native.mjs (run by `npm run dist` before this), in
// node_modules/.pledgebook-native/electron-<electron version>-<arch>/ — see electron/native-binding.ts.
const { existsSync, openSync, readSync, closeSync } = require('node:fs');
const path = require('node:path');

const NATIVE_STORE = 'node_modules/.pledgebook-native';
const NATIVE_FILE = 'better_sqlite3.node';
/** Where the app looks for it: path.join(process.resourcesPath, 'native', 'better_sqlite3.node'). */
const PACKAGED_NATIVE = 'native/better_sqlite3.node';

// electron-builder's Arch enum (builder-util): the number a hook context carries.
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** The dev build's folder, relative to the project; `arch` may be electron-builder's `${arch}` macro. */
function nativeBindingDir(electronVersion, arch) {
  return `${NATIVE_STORE}/electron-${electronVersion}-${arch}`;
}

function nativeBindingSource(projectDir, electronVersion, arch) {
  return path.join(projectDir, ...nativeBindingDir(electronVersion, arch).split('/'), NATIVE_FILE);
}

/** OS and CPU of a native module, from its first bytes (ELF, PE or Mach-O header). */
function describeBinary(head) {
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const machine = head[5] === 2 ? head.readUInt16BE(18) : head.readUInt16LE(18);
    const cpu = { 0x03: 'ia32', 0x3e: 'x64', 0x28: 'armv7l', 0xb7: 'arm64' }[machine];
    return { os: 'linux', cpu };
  }
  if (head.length >= 0x40 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const cpu = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' }[head.readUInt16LE(pe + 4)];
      return { os: 'win32', cpu };
    }
    return { os: 'win32', cpu: undefined };
  }
  if (head.length >= 4) {
    const magic = head.readUInt32BE(0);
    if ([0xfeedfacf, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(magic))
      return { os: 'darwin', cpu: undefined };
  }
  return { os: undefined, cpu: undefined };
}

function readHead(file, bytes = 4096) {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Throws a message a person can act on if `file` cannot be shipped for platform/arch. */
function checkNativeBinding(file, platform, arch) {
  if (!existsSync(file)) {
    throw new Error(
      `Pledgebook packaging: the SQLite driver built for Electron is missing: ${file}\n` +
        `Run \`node electron/tools/ensure-native.mjs\` first (with npm_config_arch=${arch} when ` +
        `packaging for another CPU); \`npm run dist\` does this for you.`,
    );
  }
  const os = platform === 'mas' ? 'darwin' : platform;
  const found = describeBinary(readHead(file));
  if (found.os !== os) {
    throw new Error(
      `Pledgebook packaging: ${file} is a ${found.os ?? 'unknown'} binary, but this package is for ${os}. ` +
        `Native modules cannot be cross-built here: build the ${os} installer on ${os}.`,
    );
  }
  if (found.cpu !== undefined && arch !== 'universal' && found.cpu !== arch) {
    throw new Error(
      `Pledgebook packaging: ${file} is built for ${found.cpu}, but this package is for ${arch}.`,
    );
  }
}

async function beforePack(context) {
  const { packager, electronPlatformName } = context;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const electronVersion = packager.info.framework.version;
  checkNativeBinding(
    nativeBindingSource(packager.info.projectDir, electronVersion, arch),
    electronPlatformName,
    arch,
  );
}

module.exports = beforePack;
module.exports.default = beforePack;
Object.assign(module.exports, {
  NATIVE_STORE,
  NATIVE_FILE,
  PACKAGED_NATIVE,
  ARCH_NAMES,
  nativeBindingDir,
  nativeBindingSource,
  describeBinary,
  checkNativeBinding,
});
