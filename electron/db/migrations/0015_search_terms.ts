import { sql, type Kysely } from 'kysely';

// Frozen. The search box and the list filters match text anywhere in a name, phone, ID number,
// loan number, plate, VIN, certificate number or address. LIKE '%…%' cannot use a B-tree index,
// so at 100k loans every keystroke read every row. An FTS5 trigram index answers substring
// matches of three or more characters from the index.
//
// One row per (record, field); rowid = record id × 16 + field code, so a trigger replaces a
// field's row by rowid without a scan. The codes must match electron/db/search-terms.ts.
const FIELDS: Record<string, Record<string, number>> = {
  borrowers: { name: 1, phone: 2, id_number: 3 },
  loans: { number: 4 },
  collateral_items: { plate: 5, vin: 6, title_certificate_no: 7, mortgage_registration_no: 8, address: 9 },
};

const rowid = (row: string, code: number) => `${row}.id * 16 + ${code}`;

function insertTerms(table: string, row: string): string {
  return Object.entries(FIELDS[table]!)
    .map(
      ([column, code]) =>
        `INSERT INTO search_terms (rowid, term) SELECT ${rowid(row, code)}, ${row}.${column}
         WHERE coalesce(${row}.${column}, '') <> '';`,
    )
    .join('\n');
}

function deleteTerms(table: string, row: string): string {
  const ids = Object.values(FIELDS[table]!).map((code) => rowid(row, code));
  return `DELETE FROM search_terms WHERE rowid IN (${ids.join(', ')});`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_terms USING fts5 (term, tokenize = 'trigram')`.execute(db);
  for (const [table, fields] of Object.entries(FIELDS)) {
    const columns = Object.keys(fields).join(', ');
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_added AFTER INSERT ON ${table} BEGIN ${insertTerms(table, 'new')} END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_changed AFTER UPDATE OF ${columns} ON ${table} BEGIN
           ${deleteTerms(table, 'old')} ${insertTerms(table, 'new')} END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_removed AFTER DELETE ON ${table} BEGIN ${deleteTerms(table, 'old')} END`,
      )
      .execute(db);
    // What the book already holds.
    for (const [column, code] of Object.entries(fields)) {
      await sql
        .raw(
          `INSERT INTO search_terms (rowid, term) SELECT id * 16 + ${code}, ${column} FROM ${table}
           WHERE coalesce(${column}, '') <> ''`,
        )
        .execute(db);
    }
  }
}
