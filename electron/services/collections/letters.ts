import type { LetterKind, LetterLocale, RenderedLetter } from '../../../shared/contract/collections';
import { addDays } from '../../../shared/dates';
import { formatLongDate, formatMoney } from '../../../shared/format/format';
import { maskIdNumber } from '../../../shared/privacy/mask';
import { loadLoanRecords } from '../loans/loan-records';
import { statementOf } from '../loans/statement';
import type { Db } from '../../db/db';
import { borrowerOf } from './account.query';
import { loadLetterTemplates, mergeLetter } from './letter-templates';

/** Days the letter gives before its deadline: a final notice allows two weeks. */
const DEADLINE_DAYS: Record<LetterKind, number> = {
  reminder: 7,
  demand: 7,
  'final-notice': 14,
  'plan-confirmation': 0,
};

/** A letter for one loan, merged from its template with today's figures from the engine. */
export async function renderLetter(
  db: Db,
  request: { loanId: number; kind: LetterKind; locale: LetterLocale },
  today: string,
  company: { name: string; currency: string },
): Promise<RenderedLetter> {
  const book = await loadLoanRecords(db, request.loanId);
  const statement = statementOf(book, today);
  const b = await borrowerOf(db, book.loan.borrower_id);
  const promise = await db
    .selectFrom('promises_to_pay')
    .select(['amount', 'due_date'])
    .where('loan_id', '=', request.loanId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  // Figures and dates as the letter's reader writes them (¥57,751.37, 2026年11月20日), not ISO.
  const money = (minor: number) => formatMoney(minor, company.currency, request.locale);
  const day = (iso: string) => formatLongDate(iso, request.locale);
  const values = {
    company: company.name,
    date: day(today),
    borrower: b.name,
    idNumber: maskIdNumber(b.id_number),
    address: b.address,
    loanNumber: book.loan.number,
    overdueAmount: money(
      statement.overdue.principal + statement.overdue.interest + statement.overdue.penalty,
    ),
    daysPastDue: String(statement.daysPastDue),
    outstanding: money(statement.outstandingPrincipal),
    deadline: day(addDays(today, DEADLINE_DAYS[request.kind])),
    promiseAmount: promise ? money(promise.amount) : '—',
    promiseDate: promise ? day(promise.due_date) : '—',
  };
  const template = (await loadLetterTemplates(db))[request.kind][request.locale];
  return {
    kind: request.kind,
    locale: request.locale,
    subject: mergeLetter(template.subject, values),
    body: mergeLetter(template.body, values),
    companyName: company.name,
    date: today,
    borrower: b.name,
    address: b.address,
    loanNumber: book.loan.number,
  };
}
