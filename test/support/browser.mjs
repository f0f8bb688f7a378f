// The Chromium the tests drive: an installed one when there is one, else the build that
// `@sparticuz/chromium` ships inside its npm package (Linux x64).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { findSystemChromium, npmChromiumAvailable } from './system-deps.mjs';

/** Debian's Chromium headless, as the e2e suite has always run it. */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Flags of `chromium.args` that are there for AWS Lambda and would make this browser differ from a
 * real one: web security and site isolation stay on (the tests check the CSP), Playwright's own
 * feature switches are not overridden, and the renderer keeps its own process (only Lambda's
 * missing prctl needs --single-process).
 */
const isLambdaOnlyFlag = (flag) =>
  [
    '--disable-web-security',
    '--allow-running-insecure-content',
    '--disable-site-isolation-trials',
    '--single-process',
    '--no-zygote',
  ].includes(flag) || /^--(headless|disable-features|enable-features)\b/.test(flag);

/**
 * The npm Chromium links to NSS and expat. A fresh Debian may lack them (Debian's chromium package
 * is what usually brings them), so the libraries the package ships for Amazon Linux are unpacked
 * beside it and put first on LD_LIBRARY_PATH. It also gets a fontconfig of its own (the package's
 * Open Sans, no system fonts), so every machine renders the same pages; Chinese comes from the
 * app's bundled Noto Sans SC/TC.
 */
function unpackSupportFiles(binDir) {
  const base = join(tmpdir(), 'pledgebook-chromium');
  const libDir = join(base, 'lib');
  const fontsDir = join(base, 'fonts');
  if (!existsSync(join(libDir, 'libnss3.so')) || !existsSync(join(fontsDir, 'fonts.conf'))) {
    // Unpack into a private folder, then rename: parallel first runs never see half a folder.
    const work = `${base}.${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(work, 'fonts'), { recursive: true });
    const untar = (archive, into) =>
      execFileSync('tar', ['-x', '-C', into], {
        input: brotliDecompressSync(readFileSync(join(binDir, archive))),
        maxBuffer: 1 << 30,
      });
    untar('al2023.tar.br', work); // lib/*.so
    untar('fonts.tar.br', join(work, 'fonts')); // fonts/Open_Sans/*.ttf (and a Lambda fonts.conf)
    writeFileSync(
      join(work, 'fonts', 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${join(fontsDir, 'fonts')}</dir>`,
        `  <cachedir>${join(base, 'fontconfig-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    if (existsSync(base)) rmSync(base, { recursive: true, force: true });
    try {
      renameSync(work, base);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another process won the race
    }
  }
  return { libDir, fontsDir };
}

/**
 * Options for playwright-core's `chromium.launch()`; `source` says which browser it is, for
 * messages.
 * @returns {Promise<{executablePath: string, args: string[], env?: Record<string, string>, source: string}>}
 */
export async function chromiumLaunchOptions() {
  const system = findSystemChromium();
  if (system) return { executablePath: system, args: LAUNCH_ARGS, source: system };
  if (!npmChromiumAvailable()) {
    throw new Error(
      `No Chrome or Chromium found, and no npm package ships one for ${process.platform}-${process.arch}: ` +
        'install Google Chrome, or set PLEDGEBOOK_CHROMIUM=/path/to/chrome.',
    );
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  sparticuz.setGraphicsMode = false; // no WebGL needed; skips unpacking SwiftShader
  const executablePath = await sparticuz.executablePath();
  const require = createRequire(import.meta.url);
  const binDir = join(dirname(dirname(require.resolve('@sparticuz/chromium'))), '..', 'bin');
  const { libDir, fontsDir } = unpackSupportFiles(binDir);
  const args = [...sparticuz.args.filter((a) => !isLambdaOnlyFlag(a)), ...LAUNCH_ARGS];
  const env = {
    ...process.env,
    LD_LIBRARY_PATH: [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    FONTCONFIG_PATH: fontsDir,
  };
  return { executablePath, args: [...new Set(args)], env, source: `@sparticuz/chromium (${executablePath})` };
}
