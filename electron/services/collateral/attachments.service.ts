/**
 * Photos and scans, stored once per content under the data folder:
 * <folder of the database>/attachments/<first two hex digits>/<sha256>. Files are never deleted;
 * unlinking only stamps the link row with who removed it and why.
 */
import { findLoan } from '../loans/loan.repository';
import {
  attachmentLink,
  attachmentToShow,
  insertAttachment,
  insertAttachmentLink,
  itemExists,
  liveAttachmentLinks,
  markLinkRemoved,
  storedAttachment,
  valuationOwner,
} from './attachments.repository';
import { createHash } from 'node:crypto';
import { attachmentsDir, contentOf, keepContent } from './attachment-store';
import { MAX_ATTACHMENT_BYTES, type AttachmentRow } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { DomainError, domainError, notFound, ruleViolation, invalidField } from '../errors';
import { requirePermission } from '../auth/permissions';
import { appendAudit } from '../audit/audit';
import type { Db } from '../../db/db';

const SIGNATURES: [string, (b: Buffer) => boolean][] = [
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  [
    'image/png',
    (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  ['application/pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
];

/** The type the bytes really are, when we recognise them; the claimed type is not trusted for images. */
export function sniffMime(bytes: Buffer): string | null {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0] ?? null;
}

export const isPreviewable = (mime: string) => mime.startsWith('image/');

export async function attachmentRowsOf(
  db: Db,
  where: { itemId?: number; loanId?: number; valuationIds?: number[] },
): Promise<AttachmentRow[]> {
  if (where.valuationIds !== undefined && where.valuationIds.length === 0) return [];
  const rows = await liveAttachmentLinks(db, where);
  return rows.map((r) => ({
    linkId: r.link_id,
    attachmentId: r.attachment_id,
    sha256: r.sha256,
    size: r.size,
    mime: r.mime,
    fileName: r.file_name,
    category: r.category,
    note: r.note,
    itemId: r.item_id,
    loanId: r.loan_id,
    valuationId: r.valuation_id,
    linkedBy: r.linked_by,
    linkedAt: r.linked_at,
    isImage: isPreviewable(r.mime),
  }));
}

export function attachmentHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'attachments.upload' | 'attachments.preview' | 'attachments.unlink'> {
  const { db, clock } = ctx;
  return {
    'attachments.upload': async (input) => {
      const actor = requirePermission(ctx.actor(), 'book.write');
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0) throw invalidField('dataBase64', 'attachment.empty');
      if (bytes.length > MAX_ATTACHMENT_BYTES)
        throw invalidField('dataBase64', 'attachment.tooLarge', {
          megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
        });
      const sniffed = sniffMime(bytes);
      if (input.mime.startsWith('image/') && (!sniffed || !sniffed.startsWith('image/')))
        throw invalidField('dataBase64', 'attachment.notImage', {
          fileName: input.fileName,
          mime: input.mime,
        });
      const mime = sniffed ?? input.mime.toLowerCase();
      const sha256 = createHash('sha256').update(bytes).digest('hex');

      return db.transaction().execute(async (trx) => {
        let itemId = input.itemId ?? null;
        if (input.valuationId !== undefined) {
          const v = await valuationOwner(trx, input.valuationId);
          if (!v) throw invalidField('valuationId', 'valuation.missing', { id: input.valuationId });
          if (itemId !== null && v.item_id !== itemId)
            throw invalidField('valuationId', 'valuation.otherItem', { id: input.valuationId });
          itemId = v.item_id;
        }
        if (itemId !== null) {
          if (!(await itemExists(trx, itemId))) throw invalidField('itemId', 'item.missing', { id: itemId });
        }
        if (input.loanId !== undefined) {
          if (!(await findLoan(trx, input.loanId)))
            throw invalidField('loanId', 'loan.missing', { id: input.loanId });
        }
        const existing = await storedAttachment(trx, sha256);
        const attachmentId =
          existing?.id ??
          (await insertAttachment(trx, { sha256, size: bytes.length, mime, created_at: clock.now() }));
        await keepContent(trx, ctx.databasePath, sha256, bytes);
        const linkId = await insertAttachmentLink(trx, {
          attachment_id: attachmentId,
          item_id: itemId,
          loan_id: input.loanId ?? null,
          valuation_id: input.valuationId ?? null,
          category: input.category,
          file_name: input.fileName,
          note: input.note,
          linked_by: actor.displayName,
          linked_at: clock.now(),
        });
        await appendAudit(trx, ctx, {
          entity: 'attachment',
          entityId: linkId,
          action: 'link',
          after: {
            sha256,
            size: bytes.length,
            mime,
            fileName: input.fileName,
            itemId,
            loanId: input.loanId,
            valuationId: input.valuationId,
          },
        });
        return { linkId, attachmentId, sha256, alreadyStored: existing !== undefined };
      });
    },

    'attachments.preview': async ({ linkId }) => {
      requirePermission(ctx.actor(), 'book.read');
      const row = await attachmentToShow(db, linkId);
      if (!row) throw notFound('attachment.notFound', linkId);
      if (!isPreviewable(row.mime)) throw ruleViolation('attachment.noPreview', { fileName: row.file_name });
      const bytes = await contentOf(db, ctx.databasePath, row.sha256);
      if (!bytes)
        throw new DomainError(
          'not-found',
          'attachment.fileMissing',
          { fileName: row.file_name },
          {
            folder: attachmentsDir(ctx.databasePath),
          },
        );
      if (createHash('sha256').update(bytes).digest('hex') !== row.sha256)
        throw domainError('conflict', 'attachment.damaged', { fileName: row.file_name });
      return {
        dataUrl: `data:${row.mime};base64,${bytes.toString('base64')}`,
        mime: row.mime,
        fileName: row.file_name,
      };
    },

    'attachments.unlink': async ({ linkId, reason }) => {
      const actor = requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        const link = await attachmentLink(trx, linkId);
        if (!link) throw notFound('attachment.notFound', linkId);
        if (link.unlinked_at) throw ruleViolation('attachment.alreadyRemoved', { fileName: link.file_name });
        await markLinkRemoved(trx, linkId, { at: clock.now(), by: actor.displayName, reason });
        await appendAudit(trx, ctx, {
          entity: 'attachment',
          entityId: linkId,
          action: 'unlink',
          before: link,
          after: { reason },
        });
        return { linkId };
      });
    },
  };
}
