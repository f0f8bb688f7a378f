import { z } from 'zod';
import { changes, method, open } from './define';
import { noInput } from './common';

/**
 * How a PC talks to the office database: not at all encrypted (a closed office network), encrypted
 * without checking whose certificate it is, or encrypted with the certificate verified (the
 * system's trusted authorities, or the office's own authority file).
 */
export const TLS_MODES = ['off', 'require', 'verify'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const serverConnectionSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(253)
      .regex(/^[A-Za-z0-9._:[\]-]+$/, 'is a server name or address, such as 192.168.1.20'),
    port: z.number().int().min(1).max(65_535).default(5432),
    database: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(63)
      .regex(/^[A-Za-z0-9_]+$/, 'may use letters, digits and "_" only'),
    user: z.string().trim().min(1, 'is required').max(63),
    password: z.string().max(200),
    tls: z.enum(TLS_MODES).default('off'),
    /** The office's own certificate authority (a .crt/.pem file), for `verify`. */
    caFile: z.string().trim().max(1000).default(''),
  })
  .strict();
export type ServerConnection = z.infer<typeof serverConnectionSchema>;

export const bookChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file') }).strict(),
  z.object({ kind: z.literal('server'), connection: serverConnectionSchema }).strict(),
]);
export type BookChoice = z.infer<typeof bookChoiceSchema>;

/** What a tested connection found: the server, and the book on it. */
export interface ConnectionCheck {
  serverVersion: string;
  /** `new`: an empty database, a book is made in it; `upgrade`: this version migrates it first. */
  book: 'new' | 'current' | 'upgrade';
}

/** Where this PC's book is kept, and whether it still has to be chosen (first run). */
export interface BookLocation {
  needsChoice: boolean;
  engine: 'sqlite' | 'postgres' | null;
  /** The file, or the server address without password. */
  where: string;
}

export const officeContract = {
  'office.bookLocation': method<BookLocation>()(noInput, open(false)),
  /** Connects to the server with these details and checks it, writing nothing. */
  'office.testConnection': method<ConnectionCheck>()(serverConnectionSchema, changes('settings.manage')),
  /**
   * Keeps the choice for this PC (the password in the operating system's keychain) and reopens
   * the app on it. A server is tested first; a refusal says what failed and keeps nothing.
   */
  'office.useBook': method<{ restarting: true }>()(bookChoiceSchema, changes('settings.manage')),
};
