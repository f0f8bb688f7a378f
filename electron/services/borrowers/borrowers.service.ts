import { sql } from 'kysely';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { BorrowerDetail, BorrowerRow, CreateBorrowerInput } from '../../../shared/contract';
import type { Db } from '../../db/db';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound } from '../errors';
import { dpdSql, loanListBase, toLoanListRow } from '../loans/list.query';
import { textMatches } from '../../db/search-terms';
import { appendAudit } from '../audit/audit';
import { assignedTo, isScoped } from '../auth/scope';
import { compareNames } from '../../../shared/format/format';

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
  return db.insertInto('borrowers').values(borrowerRow(input, now)).returningAll().executeTakeFirstOrThrow();
}

export function borrowerHandlers(ctx: ServiceContext): BorrowerHandlers {
  const { db, clock } = ctx;

  const listQuery = (query: string) => {
    const today = clock.today();
    let q = db
      .selectFrom('borrowers as b')
      .leftJoin('loans as l', 'l.borrower_id', 'b.id')
      .leftJoin('loan_status as s', 's.loan_id', 'l.id')
      .select([
        'b.id',
        'b.kind',
        'b.name',
        'b.id_type',
        'b.id_number',
        'b.phone',
        sql<number>`count(l.id)`.as('loan_count'),
        sql<number>`coalesce(max(${dpdSql(today)}), 0)`.as('worst_dpd'),
      ])
      .groupBy('b.id');
    const actor = ctx.actor();
    if (isScoped(actor)) {
      const mine = sql<boolean>`EXISTS (SELECT 1 FROM loans mine WHERE mine.borrower_id = b.id
        AND ${assignedTo(actor, sql.ref('mine.id'))})`;
      q = q.where(mine);
    }
    if (query) {
      q = q.where((eb) =>
        eb.or([
          textMatches('borrowers', 'b', ['name', 'phone'], query),
          textMatches('borrowers', 'b', ['id_number'], query, 'ending'),
        ]),
      );
    }
    return q;
  };

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
      const matching = await db
        .selectFrom('borrowers as b')
        .select(['b.id', 'b.name'])
        .where('b.id', 'in', listQuery(query).clearSelect().select('b.id'))
        .execute();
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
      const full = await db.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || !full) throw notFound('borrower.notFound', id);
      const today = clock.today();
      // A collector sees the borrower's loans assigned to them, never a colleague's.
      const actor = ctx.actor();
      let loansQuery = loanListBase(db, today).where('l.borrower_id', '=', id);
      if (isScoped(actor)) loansQuery = loansQuery.where(({ ref }) => assignedTo(actor, ref('l.id')));
      const loans = await loansQuery.orderBy('l.start_date', 'desc').execute();
      let partyQuery = db
        .selectFrom('loan_parties as p')
        .innerJoin('loans as l', 'l.id', 'p.loan_id')
        .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
        .select(['p.loan_id', 'l.number', 'p.role', 'b.name'])
        .where('p.borrower_id', '=', id);
      if (isScoped(actor)) partyQuery = partyQuery.where(({ ref }) => assignedTo(actor, ref('l.id')));
      const partyTo = await partyQuery.execute();
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
        const before = await trx
          .selectFrom('borrowers')
          .selectAll()
          .where('id', '=', input.id)
          .executeTakeFirst();
        if (!before) throw notFound('borrower.notFound', input.id);
        const after = await trx
          .updateTable('borrowers')
          .set({
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
          })
          .where('id', '=', input.id)
          .returningAll()
          .executeTakeFirstOrThrow();
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
