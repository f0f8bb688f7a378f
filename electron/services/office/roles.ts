import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * What the daily-use role may do to each table beyond reading it. The audit log and saved
 * contacts are append-only (the server's own rules refuse changing them, migration 0002; the
 * grants refuse it too, so a direct edit needs the owner); Kysely's migration tables are the
 * owner's alone. Every other table the app reads and writes.
 */
const APPEND_ONLY = ['audit_log', 'collection_contacts'];
const OWNER_ONLY = ['kysely_migration', 'kysely_migration_lock'];

export interface AppRole {
  name: string;
  /** Set (or changed) when given; an existing role keeps its password otherwise. */
  password?: string;
}

/**
 * Creates (or brings up to date) the role the office's PCs use every day, on the book the caller
 * owns: it may connect, read, and write rows, but owns nothing, so it cannot drop or alter a
 * table, switch a rule (trigger) off, truncate, or change the audit log and saved contacts.
 * Upgrades stay with the owner, who runs them with `office init`. Run by the owner (or a
 * superuser), in one transaction.
 */
export async function grantAppRole(db: Kysely<DB>, role: AppRole): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role.name)) {
    throw new Error(`the app role's name must be lower-case letters, digits and "_": ${role.name}`);
  }
  const name = sql.id(role.name);
  await db.transaction().execute(async (trx) => {
    const exists = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${role.name}`.execute(trx);
    if (Number(exists.rows[0]?.n) === 0) {
      await sql`CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`.execute(
        trx,
      );
    }
    // A password is sent as a literal (DDL takes no parameters); sql.lit quotes it.
    if (role.password) await sql`ALTER ROLE ${name} PASSWORD ${sql.lit(role.password)}`.execute(trx);
    const database = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(trx)).rows[0]!.d;
    await sql`GRANT CONNECT ON DATABASE ${sql.id(database)} TO ${name}`.execute(trx);
    await sql`GRANT USAGE ON SCHEMA public TO ${name}`.execute(trx);
    await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(trx);
    const tables = (
      await sql<{
        t: string;
      }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(trx)
    ).rows.map((r) => r.t);
    for (const table of tables) {
      const t = sql.table(table);
      await sql`REVOKE ALL ON ${t} FROM ${name}`.execute(trx);
      if (OWNER_ONLY.includes(table)) await sql`GRANT SELECT ON ${t} TO ${name}`.execute(trx);
      else if (APPEND_ONLY.includes(table)) await sql`GRANT SELECT, INSERT ON ${t} TO ${name}`.execute(trx);
      else await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${name}`.execute(trx);
    }
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`.execute(trx);
    // Tables a later migration adds are the app's to read and write too (the owner migrates).
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name}`.execute(
      trx,
    );
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${name}`.execute(
      trx,
    );
  });
}
