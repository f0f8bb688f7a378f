import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations never import application code, so they keep meaning what they
// meant on the day they shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO settings (key, value) VALUES
    ('companyName', '""'), ('currency', '"CNY"'), ('locale', '""'), ('loanNumberPrefix', '"PB"')`.execute(db);
}
