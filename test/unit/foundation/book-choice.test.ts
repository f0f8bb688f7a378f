import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BOOK_CHOICE_FILE,
  loadBookLocation,
  saveBookChoice,
  type Keychain,
} from '../../../electron/book-choice';
import { DomainError } from '../../../electron/services/errors';

/** A stand-in for the OS keychain: reversible, and visibly not the plain text. */
const keychain = (available = true): Keychain => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decryptString: (sealed) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('not ours');
    return [...text.slice('sealed:'.length)].reverse().join('');
  },
});

const OFFICE = {
  host: '192.168.1.20',
  port: 5433,
  database: 'pledgebook',
  user: 'clerk',
  password: 'p@ss word/密码',
  tls: 'verify',
  caFile: '/etc/office-ca.pem',
} as const;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pledgebook-choice-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('where this PC keeps its book', () => {
  it('is nothing on a first run, so the window asks', () => {
    expect(loadBookLocation(dir, keychain())).toBeNull();
  });

  it('is the file already in the user-data folder for a PC that used Pledgebook before', () => {
    writeFileSync(join(dir, 'pledgebook.db'), '');
    expect(loadBookLocation(dir, keychain())).toBe(join(dir, 'pledgebook.db'));
  });

  it('keeps a server choice with the password only as the keychain’s cipher, and opens it again', () => {
    saveBookChoice(dir, { kind: 'server', connection: OFFICE }, keychain());
    const kept = readFileSync(join(dir, BOOK_CHOICE_FILE), 'utf8');
    expect(kept).not.toContain(OFFICE.password);
    expect(kept).not.toContain('password"');
    expect(statSync(join(dir, BOOK_CHOICE_FILE)).mode & 0o077).toBe(0);
    const url = new URL(loadBookLocation(dir, keychain())!);
    expect(decodeURIComponent(url.password)).toBe(OFFICE.password);
    expect(url.hostname).toBe('192.168.1.20');
    expect(url.port).toBe('5433');
    expect(url.pathname).toBe('/pledgebook');
    expect(url.searchParams.get('sslmode')).toBe('verify-full');
    expect(url.searchParams.get('sslrootcert')).toBe('/etc/office-ca.pem');
  });

  it('maps each TLS mode to the pool’s words', () => {
    for (const [tls, mode] of [
      ['off', 'disable'],
      ['require', 'no-verify'],
    ] as const) {
      saveBookChoice(dir, { kind: 'server', connection: { ...OFFICE, tls, caFile: '' } }, keychain());
      expect(new URL(loadBookLocation(dir, keychain())!).searchParams.get('sslmode')).toBe(mode);
    }
  });

  it('refuses to keep a password where the OS offers no encryption, keeping the old choice', () => {
    saveBookChoice(dir, { kind: 'file' }, keychain());
    let refusal: unknown;
    try {
      saveBookChoice(dir, { kind: 'server', connection: OFFICE }, keychain(false));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).reason).toBe('office.noKeychain');
    expect(JSON.parse(readFileSync(join(dir, BOOK_CHOICE_FILE), 'utf8'))).toEqual({ kind: 'file' });
  });

  it('asks again when the kept choice cannot be read or decrypted, rather than guess', () => {
    writeFileSync(join(dir, 'pledgebook.db'), '');
    saveBookChoice(dir, { kind: 'server', connection: OFFICE }, keychain());
    const otherKeychain = {
      ...keychain(),
      decryptString: () => {
        throw new Error('another user');
      },
    };
    expect(loadBookLocation(dir, otherKeychain)).toBeNull();
    writeFileSync(join(dir, BOOK_CHOICE_FILE), '{ not json');
    expect(loadBookLocation(dir, keychain())).toBeNull();
  });

  it('a file choice opens the user-data book', () => {
    saveBookChoice(dir, { kind: 'file' }, keychain());
    expect(loadBookLocation(dir, keychain())).toBe(join(dir, 'pledgebook.db'));
  });
});
