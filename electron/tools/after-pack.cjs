'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder require()s this file */
// electron-builder `afterPack` hook. It runs once per platform/arch after the app folder is laid
// out (app.asar and extraResources copied, Windows' ASAR integrity resource embedded) and before
// signing and before the installer is made. It:
//   1. checks the SQLite driver landed where the app looks for it (resources/native/), and
//   2. flips Electron's fuses (build-time switches in the Electron binary) with @electron/fuses,
//      then reads them back to prove the binary says what we asked.
// We use this hook instead of electron-builder's own `electronFuses` option so the settings are
// plain data that tests can check; do not set both.
const { existsSync } = require('node:fs');
const path = require('node:path');
const { FuseVersion, FuseV1Options, flipFuses, getCurrentFuseWire } = require('@electron/fuses');
const { PACKAGED_NATIVE } = require('./before-pack.cjs');

/**
 * Fuse settings by @electron/fuses' FuseV1Options names. Fuses not named here keep Electron's
 * default (LoadBrowserProcessSpecificV8Snapshot: off; newer fuses this @electron/fuses version does
 * not know about are left alone, which is why strictlyRequireAllFuses is not used).
 */
const FUSES = Object.freeze({
  // The packaged exe can never be used as a plain Node.js (ELECTRON_RUN_AS_NODE).
  RunAsNode: false,
  // Cookies on disk are encrypted with the OS key store.
  EnableCookieEncryption: true,
  // NODE_OPTIONS cannot inject code or flags into the app.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends are ignored: nobody attaches a debugger to the loan book.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at build time (Windows and macOS; Linux has no
  // support in Electron yet and ignores it).
  EnableEmbeddedAsarIntegrityValidation: true,
  // The app is only ever loaded from app.asar, so the integrity check cannot be side-stepped.
  OnlyLoadAppFromAsar: true,
  // file:// gets no special powers; the renderer is served over the app's own protocol.
  GrantFileProtocolExtraPrivileges: false,
});

/** The object @electron/fuses' flipFuses() takes. */
function fuseConfig(extra = {}) {
  const config = { version: FuseVersion.V1, ...extra };
  for (const [name, on] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[index] = on;
  }
  return config;
}

/**
 * The Electron binary inside a packaged app folder: `<productFilename>.exe` on Windows, the Linux
 * executableName (lower-case package name unless configured), and the executable inside the .app
 * bundle on macOS (@electron/fuses then edits "Electron Framework" next to it).
 */
function electronBinaryPath({ platform, appOutDir, productFilename, executableName }) {
  switch (platform) {
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, executableName);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`, 'Contents', 'MacOS', productFilename);
    default:
      throw new Error(`Pledgebook packaging: no Electron binary path for platform ${platform}`);
  }
}

function resourcesDir({ platform, appOutDir, productFilename }) {
  return platform === 'darwin' || platform === 'mas'
    ? path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
    : path.join(appOutDir, 'resources');
}

async function afterPack(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const where = {
    platform,
    appOutDir,
    productFilename: packager.appInfo.productFilename,
    executableName: packager.executableName,
  };

  const native = path.join(resourcesDir(where), ...PACKAGED_NATIVE.split('/'));
  if (!existsSync(native)) {
    throw new Error(
      `Pledgebook packaging: ${native} is missing; check extraResources in electron-builder.config.cjs`,
    );
  }

  const binary = electronBinaryPath(where);
  const arm64 = 3; // electron-builder's Arch.arm64
  await flipFuses(
    binary,
    fuseConfig({ resetAdHocDarwinSignature: platform === 'darwin' && context.arch === arm64 }),
  );

  const wire = await getCurrentFuseWire(binary);
  for (const [name, on] of Object.entries(FUSES)) {
    const state = wire[FuseV1Options[name]];
    const expected = on ? 49 : 48; // FuseState.ENABLE / DISABLE: the ASCII digits '1' and '0'
    if (state !== expected) {
      throw new Error(
        `Pledgebook packaging: fuse ${name} reads ${state} after flipping, expected ${expected}`,
      );
    }
  }
  console.log(`  • Pledgebook: fuses set on ${path.basename(binary)}, SQLite driver in resources/native`);
}

module.exports = afterPack;
module.exports.default = afterPack;
Object.assign(module.exports, { FUSES, fuseConfig, electronBinaryPath, resourcesDir });
