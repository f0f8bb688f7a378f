import { sql, type Kysely } from 'kysely';

// Frozen. Collectors were assigned, and contacts signed, by display name (or username), so
// renaming a user changed which accounts they could reach. Both now also hold the user's id,
// which the scope check and new rows use; the name columns stay as recorded, for display and
// for assignments to a name that is no user. Existing rows take the id of the one user whose
// username, else display name, is the recorded name; a name two users share stays unresolved.
// No foreign key, like every other user id in the book (proposed_by, requested_by…): the
// system actor (id 0) acts without a users row.

/** SQL: the id of the one user `name` names, or NULL. */
const userNamed = (name: string) => `COALESCE(
    (SELECT u.id FROM users u WHERE u.username = ${name}),
    (SELECT MIN(u.id) FROM users u WHERE u.display_name = ${name}
      HAVING COUNT(*) = 1))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE collection_assignments ADD COLUMN collector_id INTEGER`.execute(db);
  await sql.raw(`UPDATE collection_assignments SET collector_id = ${userNamed('collector')}`).execute(db);
  await sql`CREATE INDEX collection_assignments_collector_id ON collection_assignments (collector_id, loan_id)`.execute(
    db,
  );

  await sql`ALTER TABLE collection_contacts ADD COLUMN logged_by_id INTEGER`.execute(db);
  // Saved contacts are immutable; the trigger steps aside for this one backfill and comes back
  // exactly as it was.
  const trigger = await sql<{ sql: string }>`SELECT sql FROM sqlite_master
    WHERE type = 'trigger' AND name = 'collection_contacts_immutable_update'`.execute(db);
  const definition = trigger.rows[0]?.sql;
  if (definition) await sql`DROP TRIGGER collection_contacts_immutable_update`.execute(db);
  await sql.raw(`UPDATE collection_contacts SET logged_by_id = ${userNamed('logged_by')}`).execute(db);
  if (definition) await sql.raw(definition).execute(db);
}
