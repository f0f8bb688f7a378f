import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { likePattern } from './like';
import type { Engine } from './engine';

/** Field codes of the trigram index; they must match migration 0015 (the search tests prove it). */
const FIELD_CODES = {
  borrowers: { name: 1, phone: 2, id_number: 3 },
  loans: { number: 4 },
  collateral_items: { plate: 5, vin: 6, title_certificate_no: 7, mortgage_registration_no: 8, address: 9 },
} as const;

type Source = keyof typeof FIELD_CODES;

/** The trigram index needs three characters; shorter text is matched by reading the rows. */
const INDEXED_LENGTH = 3;

/**
 * SQL: does row `alias` of `source` hold `text` in one of `columns` — anywhere, or at the end
 * (the last digits of an ID number)? Matching is case-insensitive, as LIKE is. Three or more
 * characters are looked up in the trigram index (migration 0015); fewer fall back to LIKE.
 */
export function textMatches<S extends Source>(
  engine: Engine,
  source: S,
  alias: string,
  columns: readonly (keyof (typeof FIELD_CODES)[S] & string)[],
  text: string,
  where: 'anywhere' | 'ending' = 'anywhere',
): RawBuilder<SqlBool> {
  const bare = text.replace(/[%_]/g, '');
  const pattern = where === 'ending' ? `%${bare}` : likePattern(bare);
  // SQLite's LIKE ignores the case of ASCII letters only. PostgreSQL's LIKE is the same match
  // for text without them (a name in Chinese, a phone number) and three times faster than ILIKE,
  // which folds case for the text with ASCII letters. pg_trgm's GIN index answers both.
  const like = engine === 'postgres' && /[A-Za-z]/.test(bare) ? sql`ILIKE` : sql`LIKE`;
  if ([...bare].length < INDEXED_LENGTH) {
    const likes = columns.map((c) => sql`${sql.ref(`${alias}.${c}`)} ${like} ${pattern}`);
    return sql<SqlBool>`(${sql.join(likes, sql` OR `)})`;
  }
  const codes = columns.map((c) => (FIELD_CODES[source] as Record<string, number>)[c]!);
  return sql<SqlBool>`${sql.ref(`${alias}.id`)} IN (SELECT rowid >> 4 FROM search_terms
    WHERE term ${like} ${pattern} AND (rowid & 15) IN (${sql.join(codes)}))`;
}
