import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bookChoiceSchema, serverConnectionSchema, type BookChoice } from '../shared/contract';
import { serverUrlOf } from './db/postgres/server-url';
import { DATABASE_FILE } from './db/location';
import { domainError } from './services/errors';
import { z } from 'zod';

/** Electron's safeStorage, or a stand-in in tests: the OS keychain's encryption. */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const BOOK_CHOICE_FILE = 'book.json';

/** The file keeps everything but the password in the open; the password only as the keychain's cipher. */
const storedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file') }),
  z.object({
    kind: z.literal('server'),
    connection: serverConnectionSchema.omit({ password: true }),
    /** base64 of safeStorage's encryption of the password. */
    encryptedPassword: z.string(),
  }),
]);

/**
 * Keeps where this PC's book lives, in the user-data folder. The database password is encrypted
 * with the operating system's keychain (Electron's safeStorage: DPAPI on Windows, the Keychain on
 * macOS, libsecret on Linux) and never written in plain text; where the OS offers no encryption
 * the choice is refused rather than kept unsafely. Written to a temporary file and renamed, so a
 * crash leaves the old choice or the new one, never half of either.
 */
export function saveBookChoice(userDataDir: string, choice: BookChoice, keychain: Keychain): void {
  const parsed = bookChoiceSchema.parse(choice);
  let stored: z.infer<typeof storedSchema>;
  if (parsed.kind === 'file') stored = { kind: 'file' };
  else {
    if (!keychain.isEncryptionAvailable()) throw domainError('unavailable', 'office.noKeychain');
    const { password, ...connection } = parsed.connection;
    stored = {
      kind: 'server',
      connection,
      encryptedPassword: keychain.encryptString(password).toString('base64'),
    };
  }
  const path = join(userDataDir, BOOK_CHOICE_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/**
 * Where to open the book: the server's address (password decrypted from the keychain), the file
 * in the user-data folder, or null on a first run (no choice kept and no book file there yet).
 * A choice file that cannot be read (or a password the keychain cannot decrypt) is no choice:
 * the user is asked again.
 */
export function loadBookLocation(userDataDir: string, keychain: Keychain): string | null {
  const file = join(userDataDir, DATABASE_FILE);
  const path = join(userDataDir, BOOK_CHOICE_FILE);
  if (existsSync(path)) {
    try {
      const stored = storedSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      if (stored.kind === 'file') return file;
      const password = keychain.decryptString(Buffer.from(stored.encryptedPassword, 'base64'));
      return serverUrlOf({ ...stored.connection, password });
    } catch {
      // Not a guess between a file and a server: the user says again.
      return null;
    }
  }
  return existsSync(file) ? file : null;
}
