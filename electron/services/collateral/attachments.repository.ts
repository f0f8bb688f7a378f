import type { Insertable } from 'kysely';
import type { Db } from '../../db/db';
import type { AttachmentLinksTable } from './tables';

/**
 * Attachments are stored once per content (by SHA-256) and linked to items, loans and
 * valuations; a link is never deleted, only marked removed with who, when and why.
 */

/** The live links matching `where`, with their file's facts, oldest first. */
export function liveAttachmentLinks(
  db: Db,
  where: { itemId?: number; loanId?: number; valuationIds?: readonly number[] },
) {
  let q = db
    .selectFrom('attachment_links as k')
    .innerJoin('attachments as a', 'a.id', 'k.attachment_id')
    .select([
      'k.id as link_id',
      'a.id as attachment_id',
      'a.sha256',
      'a.size',
      'a.mime',
      'k.file_name',
      'k.category',
      'k.note',
      'k.item_id',
      'k.loan_id',
      'k.valuation_id',
      'k.linked_by',
      'k.linked_at',
    ])
    .where('k.unlinked_at', 'is', null);
  if (where.itemId !== undefined) q = q.where('k.item_id', '=', where.itemId);
  if (where.loanId !== undefined) q = q.where('k.loan_id', '=', where.loanId);
  if (where.valuationIds !== undefined) q = q.where('k.valuation_id', 'in', [...where.valuationIds]);
  return q.orderBy('k.id').execute();
}

/** The item a valuation belongs to; undefined when there is no such valuation. */
export function valuationOwner(db: Db, valuationId: number) {
  return db
    .selectFrom('collateral_valuations')
    .select('item_id')
    .where('id', '=', valuationId)
    .executeTakeFirst();
}

export async function itemExists(db: Db, itemId: number): Promise<boolean> {
  return (
    (await db.selectFrom('collateral_items').select('id').where('id', '=', itemId).executeTakeFirst()) !==
    undefined
  );
}

export function storedAttachment(db: Db, sha256: string) {
  return db.selectFrom('attachments').select('id').where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertAttachment(
  db: Db,
  row: { sha256: string; size: number; mime: string; created_at: string },
): Promise<number> {
  return (await db.insertInto('attachments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertAttachmentLink(db: Db, row: Insertable<AttachmentLinksTable>): Promise<number> {
  return (await db.insertInto('attachment_links').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** A link with its file's hash and type, for showing it. */
export function attachmentToShow(db: Db, linkId: number) {
  return db
    .selectFrom('attachment_links as k')
    .innerJoin('attachments as a', 'a.id', 'k.attachment_id')
    .select(['a.sha256', 'a.mime', 'k.file_name'])
    .where('k.id', '=', linkId)
    .executeTakeFirst();
}

export function attachmentLink(db: Db, linkId: number) {
  return db.selectFrom('attachment_links').selectAll().where('id', '=', linkId).executeTakeFirst();
}

export async function markLinkRemoved(
  db: Db,
  linkId: number,
  removal: { at: string; by: string; reason: string },
): Promise<void> {
  await db
    .updateTable('attachment_links')
    .set({ unlinked_at: removal.at, unlinked_by: removal.by, unlink_reason: removal.reason })
    .where('id', '=', linkId)
    .execute();
}
