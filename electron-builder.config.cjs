'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder require()s this file */
// electron-builder configuration: Windows (NSIS) and Linux (AppImage, deb) installers.
//   npm run dist   (electron-vite build, the Electron build of the SQLite driver, then this)
// Name, productName (Pledgebook) and version come from package.json; nothing here repeats them.
const path = require('node:path');
const afterPack = require('./electron/tools/after-pack.cjs');
const beforePack = require('./electron/tools/before-pack.cjs');
const { nativeBindingDir, NATIVE_FILE, PACKAGED_NATIVE } = beforePack;

// The Electron that electron-builder packages is the one installed in node_modules, and
// electron/tools/ensure-native.mjs builds the SQLite driver for exactly that version.
const electronVersion = require(path.join(__dirname, 'node_modules', 'electron', 'package.json')).version;

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'com.pledgebook.app',
  productName: 'Pledgebook',
  copyright: `Copyright © ${new Date().getFullYear()} the Pledgebook authors`,
  directories: {
    output: 'release',
    buildResources: 'resources',
  },

  // Only the built app goes in. electron-vite bundles main, preload and renderer into out/ and
  // leaves main's runtime dependencies external; electron-builder adds `dependencies` from
  // node_modules by itself (never devDependencies). The "!" patterns also filter node_modules.
  files: [
    'out/**',
    'package.json',
    '!out/**/*.map',
    '!test{,/**}',
    '!**/*.test.*',
    '!**/*.spec.*',
    '!**/fixtures{,/**}',
    '!electron{,/**}',
    '!renderer{,/**}',
    '!shared{,/**}',
    '!**/*.{ts,tsx,mts,cts}',
    '!.ci{,/**}',
    '!.bench-cache{,/**}',
    '!coverage{,/**}',
    '!**/*.{db,db-wal,db-shm,tsbuildinfo}',
    // better-sqlite3's own build is for Node's ABI and is never loaded by the app (it passes
    // `nativeBinding`, see below); its sources and the SQLite amalgamation are build inputs.
    '!**/node_modules/better-sqlite3/{build,deps,src}{,/**}',
    '!**/node_modules/better-sqlite3/binding.gyp',
  ],
  asar: true,

  // The SQLite driver built for Electron's ABI, where electron/native-binding.ts looks for it:
  // path.join(process.resourcesPath, 'native', 'better_sqlite3.node'). `${arch}` is
  // electron-builder's macro for the arch being packaged; beforePack checks the file is there
  // and is a binary for that OS and CPU, afterPack checks it landed.
  extraResources: [
    {
      from: `${nativeBindingDir(electronVersion, '${arch}')}/${NATIVE_FILE}`,
      to: PACKAGED_NATIVE,
    },
  ],
  // No @electron/rebuild of node_modules: it would recompile node_modules/better-sqlite3 in place
  // for Electron's ABI, breaking the Node build that the tests and the CLI load, and it needs a
  // compiler or a download. The app never loads that build: it loads the Electron build shipped
  // in resources/native through better-sqlite3's `nativeBinding` option.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,

  beforePack,
  afterPack,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.ico',
  },
  nsis: {
    // Assisted installer, for the current user by default (no admin rights needed on an office
    // PC), with a choice of folder.
    oneClick: false,
    perMachine: false,
    selectPerMachineByDefault: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Pledgebook',
    runAfterFinish: true,
    installerIcon: 'resources/icon.ico',
    uninstallerIcon: 'resources/icon.ico',
    // Uninstalling keeps the loan book. The include adds an unticked "Also delete my Pledgebook
    // data" box to the uninstaller; only ticking it removes %APPDATA%\Pledgebook.
    deleteAppDataOnUninstall: false,
    include: 'resources/installer/uninstall-data.nsh',
    artifactName: '${productName}-Setup-${version}.${ext}',
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    executableName: 'pledgebook',
    icon: 'resources/icons',
    maintainer: 'Pledgebook maintainers <maintainers@pledgebook.invalid>',
    synopsis: 'Loan book, collateral and collections for small lenders',
  },
  appImage: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  deb: {
    artifactName: '${name}_${version}_${arch}.${ext}',
  },
};

module.exports = config;
