import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const resources = join(root, 'resources');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  /** RGBA of the top-left pixel. */
  corner: number[];
}

/** Reads the IHDR chunk, and the first pixel (whatever the row filter, it is stored as is). */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24] ?? -1,
    colourType: bytes[25] ?? -1,
    corner: [...raw.subarray(1, 5)],
  };
}

interface IcoEntry {
  width: number;
  height: number;
  bitCount: number;
  image: Buffer;
}

function readIco(bytes: Buffer): IcoEntry[] {
  expect(bytes.readUInt16LE(0)).toBe(0); // reserved
  expect(bytes.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = bytes.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const size = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    expect(offset + size).toBeLessThanOrEqual(bytes.length);
    entries.push({
      width: bytes[at] || 256,
      height: bytes[at + 1] || 256,
      bitCount: bytes.readUInt16LE(at + 6),
      image: bytes.subarray(offset, offset + size),
    });
  }
  return entries;
}

describe('application icons', () => {
  it('start from an SVG master', () => {
    const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
  });

  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])(
    'has a %ipx RGBA PNG for Linux, transparent in the corner',
    (size) => {
      const png = readPng(readFileSync(join(resources, 'icons', `${size}x${size}.png`)));
      expect(png).toMatchObject({ width: size, height: size, bitDepth: 8, colourType: 6 });
      expect(png.corner[3]).toBe(0);
    },
  );

  it('has a large icon.png for electron-builder', () => {
    const png = readPng(readFileSync(join(resources, 'icon.png')));
    expect(png.width).toBe(png.height);
    expect([512, 1024]).toContain(png.width);
  });

  it('has an icon.ico for Windows with 16, 32, 48 and 256 px images', () => {
    const entries = readIco(readFileSync(join(resources, 'icon.ico')));
    const sizes = entries.map((e) => e.width);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const entry of entries) {
      // every entry is a PNG of exactly the size its directory entry claims
      const png = readPng(entry.image);
      expect([png.width, png.height]).toEqual([entry.width, entry.height]);
      expect(entry.bitCount).toBe(32);
    }
    // electron-builder refuses Windows icons smaller than 256 px
    expect(Math.max(...sizes)).toBe(256);
  });

  it('writes ICO files that read back the same (make-icons.mjs)', async () => {
    const tools = (await import(pathToFileURL(join(root, 'electron', 'tools', 'make-icons.mjs')).href)) as {
      encodeIco(pngs: Buffer[]): Buffer;
      ICO_SIZES: number[];
    };
    const pngs = [16, 256].map((size) => readFileSync(join(resources, 'icons', `${size}x${size}.png`)));
    const ico = tools.encodeIco(pngs);
    const entries = readIco(ico);
    expect(entries.map((e) => [e.width, e.height])).toEqual([
      [16, 16],
      [256, 256],
    ]);
    expect(ico[6 + 16]).toBe(0); // 256 is written as 0
    expect(entries[1]?.image.equals(pngs[1] ?? Buffer.alloc(0))).toBe(true);
    expect(tools.ICO_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(() => tools.encodeIco([readFileSync(join(resources, 'icons', '512x512.png'))])).toThrow(/256/);
  });

  it('are all present for the files the build configuration names', () => {
    for (const file of ['icon.ico', 'icon.png', 'icon.svg'])
      expect(existsSync(join(resources, file)), file).toBe(true);
  });
});
