import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const load = createRequire(import.meta.url);

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: {
    appInfo: { productFilename: string };
    executableName?: string;
    info: { projectDir: string; framework: { version: string } };
  };
}
type Hook = (context: PackContext) => Promise<void>;
interface AfterPack extends Hook {
  FUSES: Record<string, boolean>;
  fuseConfig(extra?: object): Record<string, unknown>;
  electronBinaryPath(where: {
    platform: string;
    appOutDir: string;
    productFilename: string;
    executableName?: string;
  }): string;
}
interface BeforePack extends Hook {
  ARCH_NAMES: Record<number, string>;
  describeBinary(head: Buffer): { os?: string; cpu?: string };
  checkNativeBinding(file: string, platform: string, arch: string): void;
}

const afterPack = load(join(root, 'electron', 'tools', 'after-pack.cjs')) as AfterPack;
const beforePack = load(join(root, 'electron', 'tools', 'before-pack.cjs')) as BeforePack;
const fuses = load('@electron/fuses') as {
  FuseVersion: { V1: string };
  FuseV1Options: Record<string, number>;
  getCurrentFuseWire(path: string): Promise<Record<string, unknown>>;
};
const ARCH = { ia32: 0, x64: 1, arm64: 3 };
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in Electron binary: just a fuse wire, as Electron lays it out after the sentinel. */
function fakeElectron(wire: string): Buffer {
  return Buffer.concat([
    Buffer.from('\u007fELF…code…'),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from('…more code…'),
  ]);
}

function elfHeader(machine: number): Buffer {
  const head = Buffer.alloc(64);
  head.writeUInt32BE(0x7f454c46, 0);
  head[4] = 2; // 64-bit
  head[5] = 1; // little-endian
  head.writeUInt16LE(machine, 18);
  return head;
}

function peHeader(machine: number): Buffer {
  const head = Buffer.alloc(0x100);
  head.write('MZ', 0, 'latin1');
  head.writeUInt32LE(0x80, 0x3c);
  head.write('PE\0\0', 0x80, 'latin1');
  head.writeUInt16LE(machine, 0x84);
  return head;
}

const scratch: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-hooks-'));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Electron fuses', () => {
  it('are exactly: no run-as-node, no NODE_OPTIONS, no inspector, no file:// privileges, asar only and checked', () => {
    expect(afterPack.FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('are handed to @electron/fuses by its own option numbers, V1 wire', () => {
    const { FuseV1Options, FuseVersion } = fuses;
    const config = afterPack.fuseConfig();
    expect(config).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode as number]: false,
      [FuseV1Options.EnableCookieEncryption as number]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable as number]: false,
      [FuseV1Options.EnableNodeCliInspectArguments as number]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation as number]: true,
      [FuseV1Options.OnlyLoadAppFromAsar as number]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges as number]: false,
    });
    expect(config).not.toHaveProperty('strictlyRequireAllFuses');
  });

  it('are flipped in the Electron binary by the afterPack hook', async () => {
    const appOutDir = tempDir();
    mkdirSync(join(appOutDir, 'resources', 'native'), { recursive: true });
    writeFileSync(join(appOutDir, 'resources', 'native', 'better_sqlite3.node'), elfHeader(0x3e));
    // Electron's defaults, plus a ninth fuse this @electron/fuses does not know: it must stay as is.
    const binary = join(appOutDir, 'pledgebook');
    writeFileSync(binary, fakeElectron('101100011'));

    await afterPack({
      appOutDir,
      electronPlatformName: 'linux',
      arch: ARCH.x64,
      packager: {
        appInfo: { productFilename: 'Pledgebook' },
        executableName: 'pledgebook',
        info: { projectDir: root, framework: { version: '45.4.1' } },
      },
    });

    const wire = await fuses.getCurrentFuseWire(binary);
    const byName = Object.fromEntries(
      Object.entries(fuses.FuseV1Options)
        .filter(([name]) => Number.isNaN(Number(name)))
        .map(([name, index]) => [name, String.fromCharCode(wire[index] as number)]),
    );
    expect(byName).toEqual({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      LoadBrowserProcessSpecificV8Snapshot: '0', // not ours to change
      GrantFileProtocolExtraPrivileges: '0',
    });
    expect(wire[8]).toBe('1'.charCodeAt(0));
    expect(readFileSync(binary).subarray(0, 4).toString('latin1')).toBe('\u007fELF');
  });

  it('are not flipped when the SQLite driver did not land in resources/native', async () => {
    const appOutDir = tempDir();
    const binary = join(appOutDir, 'pledgebook');
    writeFileSync(binary, fakeElectron('10110001'));
    await expect(
      afterPack({
        appOutDir,
        electronPlatformName: 'linux',
        arch: ARCH.x64,
        packager: {
          appInfo: { productFilename: 'Pledgebook' },
          executableName: 'pledgebook',
          info: { projectDir: root, framework: { version: '45.4.1' } },
        },
      }),
    ).rejects.toThrow(/native.better_sqlite3\.node is missing/);
    expect(readFileSync(binary).includes(Buffer.from(SENTINEL + '\u0001\u000810110001'))).toBe(true);
  });

  it('are written to the right binary on each platform', () => {
    const appOutDir = join('/', 'build', 'app');
    const where = { appOutDir, productFilename: 'Pledgebook', executableName: 'pledgebook' };
    expect(afterPack.electronBinaryPath({ ...where, platform: 'win32' })).toBe(
      join(appOutDir, 'Pledgebook.exe'),
    );
    expect(afterPack.electronBinaryPath({ ...where, platform: 'linux' })).toBe(join(appOutDir, 'pledgebook'));
    expect(afterPack.electronBinaryPath({ ...where, platform: 'darwin' })).toBe(
      join(appOutDir, 'Pledgebook.app', 'Contents', 'MacOS', 'Pledgebook'),
    );
    expect(() => afterPack.electronBinaryPath({ ...where, platform: 'aix' })).toThrow(/aix/);
  });
});

describe('the beforePack check of the SQLite driver', () => {
  function projectWithDriver(arch: string, bytes?: Buffer): string {
    const projectDir = tempDir();
    const dir = join(projectDir, 'node_modules', '.pledgebook-native', `electron-45.4.1-${arch}`);
    mkdirSync(dir, { recursive: true });
    if (bytes) writeFileSync(join(dir, 'better_sqlite3.node'), bytes);
    return projectDir;
  }
  const context = (projectDir: string, platform: string, arch: number): PackContext => ({
    appOutDir: join(projectDir, 'release'),
    electronPlatformName: platform,
    arch,
    packager: {
      appInfo: { productFilename: 'Pledgebook' },
      info: { projectDir, framework: { version: '45.4.1' } },
    },
  });

  it("uses electron-builder's arch numbers", async () => {
    const { Arch } = load('electron-builder') as { Arch: Record<string, number> };
    for (const [number, name] of Object.entries(beforePack.ARCH_NAMES))
      expect(Arch[name]).toBe(Number(number));
  });

  it('passes a Linux x64 build for a Linux x64 package', async () => {
    const projectDir = projectWithDriver('x64', elfHeader(0x3e));
    await expect(beforePack(context(projectDir, 'linux', ARCH.x64))).resolves.toBeUndefined();
  });

  it('passes a Windows x64 build for a Windows x64 package', async () => {
    const projectDir = projectWithDriver('x64', peHeader(0x8664));
    await expect(beforePack(context(projectDir, 'win32', ARCH.x64))).resolves.toBeUndefined();
  });

  it('stops the build, saying what to run, when the driver was never built', async () => {
    const projectDir = projectWithDriver('x64');
    await expect(beforePack(context(projectDir, 'linux', ARCH.x64))).rejects.toThrow(
      /missing.*electron-45\.4\.1-x64[\\/]better_sqlite3\.node[\s\S]*ensure-native\.mjs/,
    );
  });

  it('refuses a Linux build in a Windows installer', async () => {
    const projectDir = projectWithDriver('x64', elfHeader(0x3e));
    await expect(beforePack(context(projectDir, 'win32', ARCH.x64))).rejects.toThrow(
      /linux binary, but this package is for win32/,
    );
  });

  it('refuses a build for another CPU', async () => {
    const projectDir = projectWithDriver('arm64', elfHeader(0x3e));
    await expect(beforePack(context(projectDir, 'linux', ARCH.arm64))).rejects.toThrow(
      /built for x64, but this package is for arm64/,
    );
  });

  it('reads OS and CPU from ELF, PE and Mach-O headers', () => {
    expect(beforePack.describeBinary(elfHeader(0xb7))).toEqual({ os: 'linux', cpu: 'arm64' });
    expect(beforePack.describeBinary(peHeader(0x14c))).toEqual({ os: 'win32', cpu: 'ia32' });
    expect(beforePack.describeBinary(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0, 0, 0, 0]))).toEqual({
      os: 'darwin',
      cpu: undefined,
    });
    expect(beforePack.describeBinary(Buffer.from('#!/bin/sh\n'))).toEqual({ os: undefined, cpu: undefined });
  });
});
