#!/usr/bin/env node
// Renders resources/icon.svg into the PNG and ICO files the installers use:
//   resources/icons/NxN.png  (Linux: AppImage and deb take the whole folder)
//   resources/icon.png       (1024 px master, electron-builder's fallback)
//   resources/icon.ico       (Windows: exe, installer and uninstaller)
//
// The outputs are committed; run this only after changing the SVG:
//   node electron/tools/make-icons.mjs
// It needs Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) and playwright-core. Nothing
// else: no ImageMagick. The ICO container is written here from the PNG buffers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resources = join(root, 'resources');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes stored in icon.ico: Explorer, taskbar, Start menu and the installer pick from these. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const MASTER_SIZE = 1024;

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Width and height from a PNG's IHDR chunk (always the first chunk, right after the signature). */
export function pngSize(png) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b) || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * An ICO file whose images are PNG-compressed (supported since Windows Vista): a 6-byte header
 * (reserved 0, type 1 = icon, count), one 16-byte directory entry per image, then the PNG bytes.
 * A width or height of 256 is written as 0, as the format requires.
 */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = Buffer.alloc(16 * pngs.length);
  let offset = header.length + entries.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`ICO images are at most 256 px, got ${width}x${height}`);
    const at = i * 16;
    entries.writeUInt8(width === 256 ? 0 : width, at);
    entries.writeUInt8(height === 256 ? 0 : height, at + 1);
    entries.writeUInt8(0, at + 2); // no palette
    entries.writeUInt8(0, at + 3); // reserved
    entries.writeUInt16LE(1, at + 4); // colour planes
    entries.writeUInt16LE(32, at + 6); // bits per pixel (RGBA)
    entries.writeUInt32LE(png.length, at + 8);
    entries.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, entries, ...pngs]);
}

async function renderPngs(svg, sizes) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const out = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}` +
          `svg{display:block}</style></head><body>${sized}</body></html>`,
      );
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      const got = pngSize(png);
      if (got.width !== size || got.height !== size) {
        throw new Error(`rendered ${got.width}x${got.height} for ${size}x${size}`);
      }
      out.set(size, png);
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
  if (!/width="\d+" height="\d+"/.test(svg)) throw new Error('icon.svg needs width and height attributes');
  const pngs = await renderPngs(svg, PNG_SIZES);

  mkdirSync(join(resources, 'icons'), { recursive: true });
  for (const [size, png] of pngs) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png);
  writeFileSync(join(resources, 'icon.png'), pngs.get(MASTER_SIZE));
  writeFileSync(join(resources, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => pngs.get(size))));
  console.log(`Icons written to ${resources}: ${PNG_SIZES.join(', ')} px, icon.png, icon.ico`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
