import { sql, type Kysely } from 'kysely';

// Frozen. A lender's book keeps a remark per loan (备注); the import carries it instead of
// dropping the column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE loans ADD COLUMN notes TEXT NOT NULL DEFAULT ''`.execute(db);
}
