import { z } from 'zod';
import { method, changes, names, reads } from './define';
import { codedIssue } from './error-codes';
import { id, nonEmptyText, optionalText, pageRequest } from './common';
import type { LoanListRow } from './loans';
import { SUPPORTED_LOCALES } from './system';

export const BORROWER_KINDS = ['person', 'company'] as const;
export const ID_TYPES = [
  'resident-id',
  'passport',
  'hk-macau-permit',
  'taiwan-permit',
  'business-licence',
  'other',
] as const;

const idNumber = z
  .string()
  .trim()
  .min(4, 'must have at least 4 characters')
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/, 'may contain letters, digits and "-" only');

const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() ]*$/, 'may contain digits, spaces and + - ( ) only')
  .default('');

export const borrowerFields = {
  kind: z.enum(BORROWER_KINDS),
  name: nonEmptyText(120),
  idType: z.enum(ID_TYPES),
  phone,
  altPhone: phone,
  address: optionalText(300),
  employer: optionalText(200),
  notes: optionalText(2000),
};

export const createBorrowerSchema = z
  .object({ ...borrowerFields, idNumber })
  .strict()
  .superRefine((v, ctx) => {
    if (v.idType === 'resident-id' && !/^\d{17}[\dXx]$/.test(v.idNumber)) {
      ctx.addIssue({ ...codedIssue('borrower.residentId'), path: ['idNumber'] });
    }
  });
export type CreateBorrowerInput = z.input<typeof createBorrowerSchema>;

/** The full ID never travels back to the screen; leaving `idNumber` out keeps the stored one. */
export const updateBorrowerSchema = z
  .object({ id, ...borrowerFields, idNumber: idNumber.optional() })
  .strict();

export interface BorrowerRow {
  id: number;
  kind: (typeof BORROWER_KINDS)[number];
  name: string;
  idType: (typeof ID_TYPES)[number];
  idNumberMasked: string;
  phone: string;
  loanCount: number;
  worstDaysPastDue: number;
}

export interface BorrowerDetail extends BorrowerRow {
  altPhone: string;
  address: string;
  employer: string;
  notes: string;
  loans: LoanListRow[];
  /** Loans where this person or company stands as guarantor or reference. */
  partyTo: { loanId: number; loanNumber: string; role: 'guarantor' | 'reference'; borrowerName: string }[];
}

export const borrowersContract = {
  'borrowers.list': method<{ rows: BorrowerRow[]; total: number }>()(
    z
      .object({
        query: z.string().trim().max(100).default(''),
        ...pageRequest,
        /** The reader's language, which decides the order of names (pinyin, strokes, A–Z). */
        locale: z.enum(SUPPORTED_LOCALES).default('en'),
      })
      .strict(),
    reads('book.read'),
  ),
  'borrowers.get': method<BorrowerDetail>()(
    z.object({ id }).strict(),
    reads('book.read', names('borrower', 'id')),
  ),
  'borrowers.create': method<{ id: number }>()(createBorrowerSchema, changes('book.write')),
  'borrowers.update': method<{ id: number }>()(
    updateBorrowerSchema,
    changes('book.write', names('borrower', 'id')),
  ),
};
