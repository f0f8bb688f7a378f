import { maskIdNumber } from '../../../shared/privacy/mask';
import type { BorrowerDetail, BorrowerRow, CreateBorrowerInput } from '../../../shared/contract';
import type { Db } from '../../db/db';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound } from '../errors';
import { toLoanListRow } from '../loans/list.query';
import { appendAudit } from '../audit/audit';
import { compareNames } from '../../../shared/format/format';
import {
  borrowerList,
  findBorrower,
  insertBorrowerRow,
  loansAsParty,
  loansOfBorrower,
  namesOfMatching,
  updateBorrower,
} from './borrowers.repository';

type BorrowerHandlers = Pick<
  Handlers,
  'borrowers.list' | 'borrowers.get' | 'borrowers.create' | 'borrowers.update'
>;

type NewBorrower = Omit<CreateBorrowerInput, 'phone' | 'altPhone' | 'address' | 'employer' | 'notes'> &
  Partial<Pick<CreateBorrowerInput, 'phone' | 'altPhone' | 'address' | 'employer' | 'notes'>>;

/** The row a new borrower is written as; the screens and the spreadsheet import both use it. */
export function borrowerRow(input: NewBorrower, now: string) {
  return {
    kind: input.kind,
    name: input.name,
    id_type: input.idType,
    id_number: input.idNumber.toUpperCase(),
    phone: input.phone ?? '',
    alt_phone: input.altPhone ?? '',
    address: input.address ?? '',
    employer: input.employer ?? '',
    notes: input.notes ?? '',
    created_at: now,
    updated_at: now,
  };
}

/** Writes a new borrower. */
export async function insertBorrower(db: Db, input: NewBorrower, now: string) {
  return insertBorrowerRow(db, borrowerRow(input, now));
}

export function borrowerHandlers(ctx: ServiceContext): BorrowerHandlers {
  const { db, clock } = ctx;

  const listQuery = (query: string) => borrowerList(db, clock.today(), query, ctx.actor());

  const toRow = (r: {
    id: number;
    kind: 'person' | 'company';
    name: string;
    id_type: string;
    id_number: string;
    phone: string;
    loan_count: number;
    worst_dpd: number;
  }): BorrowerRow => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    idType: r.id_type as BorrowerRow['idType'],
    idNumberMasked: maskIdNumber(r.id_number),
    phone: r.phone,
    loanCount: r.loan_count,
    worstDaysPastDue: r.worst_dpd,
  });

  return {
    'borrowers.list': async ({ query, offset, limit, locale }) => {
      // SQLite orders by code point (王 before 李 in no reader's order) and better-sqlite3 cannot
      // register a collation, so the matching names are ordered here by the reader's locale
      // and only the page asked for is read in full.
      const matching = await namesOfMatching(db, listQuery(query));
      matching.sort((a, b) => compareNames(a.name, b.name, locale) || a.id - b.id);
      const page = matching.slice(offset, offset + limit).map((r) => r.id);
      const rows = page.length ? await listQuery('').where('b.id', 'in', page).execute() : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        rows: page.flatMap((id) => {
          const row = byId.get(id);
          return row ? [toRow(row)] : [];
        }),
        total: matching.length,
      };
    },

    'borrowers.get': async ({ id }) => {
      const row = await listQuery('').where('b.id', '=', id).executeTakeFirst();
      const full = await findBorrower(db, id);
      if (!row || !full) throw notFound('borrower.notFound', id);
      const today = clock.today();
      // A collector sees the borrower's loans assigned to them, never a colleague's.
      const actor = ctx.actor();
      const loans = await loansOfBorrower(db, today, id, actor);
      const partyTo = await loansAsParty(db, id, actor);
      const detail: BorrowerDetail = {
        ...toRow(row),
        worstDaysPastDue: row.worst_dpd,
        altPhone: full.alt_phone,
        address: full.address,
        employer: full.employer,
        notes: full.notes,
        loans: loans.map(toLoanListRow),
        partyTo: partyTo.map((p) => ({
          loanId: p.loan_id,
          loanNumber: p.number,
          role: p.role,
          borrowerName: p.name,
        })),
      };
      return detail;
    },

    'borrowers.create': async (input) =>
      db.transaction().execute(async (trx) => {
        const created = await insertBorrower(trx, input, clock.now());
        await appendAudit(trx, ctx, {
          entity: 'borrower',
          entityId: created.id,
          action: 'create',
          after: created,
        });
        return { id: created.id };
      }),

    'borrowers.update': async (input) =>
      db.transaction().execute(async (trx) => {
        const before = await findBorrower(trx, input.id);
        if (!before) throw notFound('borrower.notFound', input.id);
        const after = await updateBorrower(trx, input.id, {
          kind: input.kind,
          name: input.name,
          id_type: input.idType,
          ...(input.idNumber ? { id_number: input.idNumber.toUpperCase() } : {}),
          phone: input.phone,
          alt_phone: input.altPhone,
          address: input.address,
          employer: input.employer,
          notes: input.notes,
          updated_at: clock.now(),
        });
        await appendAudit(trx, ctx, {
          entity: 'borrower',
          entityId: input.id,
          action: 'update',
          before,
          after,
        });
        return { id: input.id };
      }),
  };
}
