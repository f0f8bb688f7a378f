import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** The book as every query sees it: the open database, or a transaction on it. */
export type Db = Kysely<DB> | Transaction<DB>;
