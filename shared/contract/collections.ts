import { z } from 'zod';
import { method, changes, names, reads } from './define';
import { id, isoDate, minorAmount, noInput, optionalText, positiveMinor } from './common';
import { coded } from './error-codes';
import { AGING_BUCKETS, type AgingBucket } from '../engine';
import { PRODUCTS, type LoanStatus, type Product } from './loans';
import type { RiskGrade } from '../engine/classification';

export const CONTACT_CHANNELS = ['call-out', 'call-in', 'sms', 'letter', 'email', 'visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_PARTIES = ['borrower', 'guarantor', 'reference'] as const;
export type ContactParty = (typeof CONTACT_PARTIES)[number];
export const VISIT_ADDRESS_KINDS = ['home', 'business', 'collateral'] as const;
export type VisitAddressKind = (typeof VISIT_ADDRESS_KINDS)[number];
export const CONTACT_PROFILES = ['china', 'us', 'custom'] as const;
export type ContactProfileName = (typeof CONTACT_PROFILES)[number];

/** The limits a contact profile sets; null switches a rule off. Times are the borrower's local time. */
export const contactRulesSchema = z
  .object({
    startMinutes: z.number().int().min(0).max(1440),
    endMinutes: z.number().int().min(0).max(1440),
    maxConnectedCallsPerDay: z.number().int().min(1).max(100).nullable(),
    maxCallAttemptsPer7Days: z.number().int().min(1).max(100).nullable(),
    quietDaysAfterConversation: z.number().int().min(1).max(60).nullable(),
    thirdPartyOnlyIfUnreachable: z.boolean(),
  })
  .strict()
  .refine((r) => r.startMinutes < r.endMinutes, {
    message: 'must start before it ends',
    path: ['endMinutes'],
  });
export type ContactRules = z.infer<typeof contactRulesSchema>;

export const collectionSettingsSchema = z
  .object({
    profile: z.enum(CONTACT_PROFILES),
    custom: contactRulesSchema,
    /** Days after a promise's date within which a payment still counts as keeping it. */
    promiseToleranceDays: z.number().int().min(0).max(30),
  })
  .strict();
export type CollectionSettings = z.infer<typeof collectionSettingsSchema>;

/** One broken rule of the contact profile, in words a collector can act on. */
export interface GuardViolation {
  rule:
    'hours' | 'connected-calls-per-day' | 'call-attempts-7-days' | 'quiet-after-conversation' | 'third-party';
  message: string;
  /** The figures in the message, so the screen can say it in the user's language. */
  params: Record<string, string | number>;
}

/** One part of a worklist score: what it is, the points it adds, and values for the sentence. */
export interface ScoreFactor {
  code:
    | 'bucket'
    | 'overdue-amount'
    | 'collateral-uncovered'
    | 'collateral-thin'
    | 'collateral-none'
    | 'collateral-unknown'
    | 'broken-promise'
    | 'promise-due-today'
    | 'new-delinquency'
    | 'visit-due'
    | 'follow-up-due';
  points: number;
  params: Record<string, string | number>;
}

export interface WorklistRow {
  loanId: number;
  loanNumber: string;
  borrowerId: number;
  borrower: string;
  product: Product;
  officer: string;
  collector: string | null;
  /** Open statuses only; legal, restructured and repossessed loans are worked too. */
  status: LoanStatus;
  daysPastDue: number;
  bucket: AgingBucket;
  overdueAmount: number;
  /** Collateral value over exposure, in percent (whole number); null when none is recorded. */
  coveragePercent: number | null;
  score: number;
  factors: ScoreFactor[];
  /** The factors as plain English sentences (the CLI prints these). */
  reasons: string[];
  lastContactAt: string | null;
  workedToday: boolean;
  /** The loan's risk grade today (`loans.grade`); null where the list is built without it. */
  grade: RiskGrade | null;
}

export type PromiseStatus = 'pending' | 'kept' | 'broken';

export interface PromiseRow {
  id: number;
  loanId: number;
  contactId: number | null;
  amount: number;
  madeOn: string;
  dueDate: string;
  collector: string;
  status: PromiseStatus;
  /** Effective payments from the made-on date through the date plus tolerance. */
  paidTowards: number;
}

export interface ContactRow {
  id: number;
  loanId: number;
  partyBorrowerId: number;
  partyName: string;
  party: ContactParty;
  channel: ContactChannel;
  at: string;
  /** The same instant on the borrower's wall clock, YYYY-MM-DD HH:MM. */
  localAt: string;
  durationSeconds: number;
  outcome: string;
  notes: string;
  followUpOn: string | null;
  amendsContactId: number | null;
  amendedBy: number[];
  overrideReason: string;
  overrideRules: string[];
  loggedBy: string;
}

export interface VisitOutcome {
  met: string;
  situation: string;
  ability: 'able' | 'partly-able' | 'unable';
  willingness: 'willing' | 'reluctant' | 'refuses';
  proposal: string;
  photos: string[];
  nextStep: string;
  recordedAt: string;
  recordedBy: string;
}

export interface VisitRow {
  id: number;
  loanId: number;
  plannedAt: string;
  localAt: string;
  addressKind: VisitAddressKind;
  address: string;
  team: string[];
  purpose: string;
  talkingPoints: string;
  overrideReason: string;
  plannedBy: string;
  outcome: VisitOutcome | null;
}

export interface CollectionAccount {
  loanId: number;
  loanNumber: string;
  product: Product;
  status: LoanStatus;
  borrower: {
    id: number;
    name: string;
    idNumberMasked: string;
    phone: string;
    address: string;
    timeZone: string;
  };
  borrowerLocalNow: string;
  unreachable: { since: string; reason: string } | null;
  parties: {
    borrowerId: number;
    name: string;
    role: 'guarantor' | 'reference';
    phone: string;
    relationship: string;
  }[];
  daysPastDue: number;
  bucket: AgingBucket;
  overdueAmount: number;
  outstandingPrincipal: number;
  collector: string | null;
  profile: ContactProfileName;
  outcomes: { code: string; label: string; connected: boolean; translated: boolean }[];
  contacts: ContactRow[];
  promises: PromiseRow[];
  visits: VisitRow[];
}

export interface TimelineEvent {
  kind: 'contact' | 'payment' | 'promise' | 'visit' | 'legal';
  /** Sort key: an ISO instant, or a date for date-only events. */
  at: string;
  /** When, on the borrower's clock (YYYY-MM-DD HH:MM), or the date for date-only events. */
  localAt: string;
  loanId: number;
  loanNumber: string;
  refId: number;
  summary: {
    channel?: string;
    outcome?: string;
    amount?: number;
    status?: string;
    date?: string;
    notes?: string;
  };
}

export interface Dossier {
  visit: VisitRow;
  companyName: string;
  printedOn: string;
  borrower: { name: string; idNumberMasked: string; phone: string; address: string };
  guarantors: { name: string; idNumberMasked: string; phone: string; relationship: string }[];
  loan: {
    number: string;
    product: Product;
    principal: number;
    outstandingPrincipal: number;
    daysPastDue: number;
    bucket: AgingBucket;
    overdueAmount: number;
    nextDueDate: string | null;
  };
  payments: { date: string; amount: number; receiptNumber: string }[];
  collateral: { description: string; value: number | null; valuedOn: string | null }[];
  /** Exposure over allocated collateral value in basis points; null when no valued collateral. */
  ltvBasisPoints: number | null;
  contacts: ContactRow[];
  promises: PromiseRow[];
}

export interface Reminder {
  kind: 'installment' | 'promise' | 'visit' | 'follow-up';
  loanId: number;
  loanNumber: string;
  borrower: string;
  date: string;
  amount: number | null;
}

export const LETTER_KINDS = ['reminder', 'demand', 'final-notice', 'plan-confirmation'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type LetterLocale = (typeof LETTER_LOCALES)[number];
/** Fields a template may use as {{name}}. */
export const MERGE_FIELDS = [
  'company',
  'date',
  'borrower',
  'idNumber',
  'address',
  'loanNumber',
  'overdueAmount',
  'daysPastDue',
  'outstanding',
  'deadline',
  'promiseAmount',
  'promiseDate',
] as const;
export interface LetterTemplate {
  subject: string;
  body: string;
}
export type LetterTemplates = Record<LetterKind, Record<LetterLocale, LetterTemplate>>;
export interface RenderedLetter extends LetterTemplate {
  kind: LetterKind;
  locale: LetterLocale;
  companyName: string;
  date: string;
  borrower: string;
  address: string;
  loanNumber: string;
}
const letterRequest = z
  .object({ loanId: id, kind: z.enum(LETTER_KINDS), locale: z.enum(LETTER_LOCALES) })
  .strict();

export const LEGAL_STAGES = [
  'demand-sent',
  'lawyer-engaged',
  'filed',
  'hearing',
  'judgment',
  'enforcement',
  'closed',
] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

export interface LegalCaseEvent {
  id: number;
  stage: LegalStage;
  date: string;
  note: string;
  cost: number;
  chargeToLoan: boolean;
  recordedBy: string;
}

export interface LegalCaseRow {
  id: number;
  loanId: number;
  loanNumber: string;
  borrower: string;
  stage: LegalStage;
  court: string;
  caseNumber: string;
  lawyer: string;
  openedOn: string;
  closedOn: string | null;
  outcome: string;
  totalCosts: number;
  costsChargedToLoan: number;
}

export interface LegalCaseDetail extends LegalCaseRow {
  events: LegalCaseEvent[];
}

const caseFacts = {
  court: optionalText(200),
  caseNumber: optionalText(100),
  lawyer: optionalText(200),
};

const overrideReason = z.string().trim().max(300).default('');
const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local time written YYYY-MM-DDTHH:MM');

export const worklistFilterSchema = z
  .object({
    bucket: z.enum(AGING_BUCKETS).optional(),
    product: z.enum(PRODUCTS).optional(),
    officer: z.string().trim().max(80).optional(),
    collector: z.string().trim().max(80).optional(),
  })
  .strict();

/** The worklist screen fetches the list a page at a time, in priority order. */
export const worklistQuerySchema = worklistFilterSchema
  .extend({
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** "Work next account": the first account in priority order not yet opened this session. */
export const nextAccountSchema = worklistFilterSchema
  .extend({ skip: z.array(id).max(100_000).default([]) })
  .strict();

export const logContactSchema = z
  .object({
    loanId: id,
    party: z.enum(CONTACT_PARTIES).default('borrower'),
    /** Who was contacted when not the borrower: a guarantor or reference on the loan. */
    partyBorrowerId: id.optional(),
    channel: z.enum(CONTACT_CHANNELS),
    /** The borrower's wall-clock time of the contact; omitted means now. */
    localTime: localTime.optional(),
    durationSeconds: z.number().int().min(0).max(86_400).default(0),
    outcome: z.string().trim().min(1, 'choose an outcome').max(40),
    notes: optionalText(2000),
    followUpOn: isoDate.optional(),
    promise: z.object({ amount: positiveMinor, dueDate: isoDate }).strict().optional(),
    amendsContactId: id.optional(),
    overrideReason,
  })
  .strict();

export const planVisitSchema = z
  .object({
    loanId: id,
    localTime,
    addressKind: z.enum(VISIT_ADDRESS_KINDS),
    address: z.string().trim().min(1, 'is required').max(300),
    team: z.array(z.string().trim().min(1).max(80)),
    purpose: z.string().trim().min(1, 'is required').max(500),
    talkingPoints: optionalText(2000),
    overrideReason,
  })
  .strict();

export const visitOutcomeSchema = z
  .object({
    visitId: id,
    met: z.string().trim().min(1, 'is required').max(200),
    situation: optionalText(2000),
    ability: z.enum(['able', 'partly-able', 'unable']),
    willingness: z.enum(['willing', 'reluctant', 'refuses']),
    proposal: optionalText(1000),
    photos: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
    nextStep: optionalText(500),
  })
  .strict();

/** One entry of the contact outcome list, as Settings manages it. */
export interface ContactOutcome {
  code: string;
  label: string;
  /** A real conversation: the contact-profile rules count it. */
  connected: boolean;
  /** Offered for new contacts; a retired outcome stays on the contacts that used it. */
  active: boolean;
  /** Still the app's own wording, shown in the user's language; false once renamed. */
  translated: boolean;
  /** Contacts recorded with it. */
  used: number;
}

const outcomeLabel = z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters');

export const addOutcomeSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(40, 'must be at most 40 characters')
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'use lowercase letters, digits and single dashes, e.g. reached-callback',
      ),
    label: outcomeLabel,
    connected: z.boolean().default(false),
  })
  .strict();

export const collectionsContract = {
  'collections.worklist': method<{ asOf: string; rows: WorklistRow[]; total: number }>()(
    worklistQuerySchema,
    reads('book.read'),
  ),
  'collections.nextAccount': method<{ loanId: number | null }>()(nextAccountSchema, reads('book.read')),
  'collections.account': method<CollectionAccount>()(
    z.object({ loanId: id }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
  'collections.logContact': method<{ id: number; promiseId: number | null }>()(
    logContactSchema,
    changes('collections.work', names('loan', 'loanId'), names('contact', 'amendsContactId')),
  ),
  'collections.planVisit': method<{ id: number }>()(
    planVisitSchema,
    changes('collections.work', names('loan', 'loanId')),
  ),
  'collections.recordVisitOutcome': method<{ id: number }>()(
    visitOutcomeSchema,
    changes('collections.work', names('visit', 'visitId')),
  ),
  'collections.dossier': method<Dossier>()(
    z.object({ visitId: id }).strict(),
    reads('book.read', names('visit', 'visitId')),
  ),
  'collections.assign': method<{ assigned: number }>()(
    z
      .object({ loanIds: z.array(id).min(1).max(10_000), collector: z.string().trim().min(1).max(80) })
      .strict(),
    changes('collections.work', names('loan', 'loanIds')),
  ),
  'collections.assignRoundRobin': method<{ assigned: { loanNumber: string; collector: string }[] }>()(
    z
      .object({
        bucket: z.enum(AGING_BUCKETS),
        collectors: z.array(z.string().trim().min(1).max(80)).min(1, 'name at least one collector').max(100),
      })
      .strict(),
    changes('book.write'),
  ),
  'collections.setUnreachable': method<{ borrowerId: number; unreachable: boolean }>()(
    z.object({ borrowerId: id, unreachable: z.boolean(), reason: optionalText(300) }).strict(),
    changes('collections.work', names('borrower', 'borrowerId')),
  ),
  'collections.timeline': method<TimelineEvent[]>()(
    z.object({ loanId: id.optional(), borrowerId: id.optional() }).strict(),
    reads('book.read', names('loan', 'loanId'), names('borrower', 'borrowerId')),
  ),
  'collections.reminders': method<Reminder[]>()(noInput, reads('book.read')),
  'collections.promiseStats': method<{
    byBorrower: { borrowerId: number; name: string; kept: number; broken: number }[];
    byCollector: { collector: string; kept: number; broken: number }[];
  }>()(noInput, reads('book.read')),
  'collections.overrideCount': method<{ month: string; overrides: number }>()(
    z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM') }).strict(),
    reads('collections.work'),
  ),
  'collections.letterTemplates': method<LetterTemplates>()(noInput, reads('collections.work')),
  'collections.updateLetterTemplate': method<LetterTemplates>()(
    z
      .object({
        kind: z.enum(LETTER_KINDS),
        locale: z.enum(LETTER_LOCALES),
        subject: z.string().trim().min(1, 'is required').max(200),
        body: z.string().trim().min(1, 'is required').max(10_000),
      })
      .strict(),
    changes('settings.manage'),
  ),
  'collections.letter': method<RenderedLetter>()(
    letterRequest,
    reads('collections.work', names('loan', 'loanId')),
  ),
  'collections.logLetter': method<{ id: number }>()(
    letterRequest,
    changes('collections.work', names('loan', 'loanId')),
  ),
  'collections.openLegalCase': method<{ id: number }>()(
    z.object({ loanId: id, date: isoDate, note: optionalText(1000), ...caseFacts }).strict(),
    changes('collections.work', names('loan', 'loanId')),
  ),
  'collections.advanceLegalCase': method<{ id: number }>()(
    z
      .object({
        caseId: id,
        stage: z.enum(LEGAL_STAGES),
        date: isoDate,
        note: optionalText(1000),
        cost: minorAmount.refine((v) => v >= 0, coded('input.notNegative')).default(0),
        chargeToLoan: z.boolean().default(false),
        outcome: optionalText(1000),
        ...caseFacts,
      })
      .strict(),
    changes('collections.work', names('legal-case', 'caseId')),
  ),
  'collections.legalCases': method<LegalCaseRow[]>()(
    z.object({ openOnly: z.boolean().default(true) }).strict(),
    reads('book.read'),
  ),
  'collections.legalCase': method<LegalCaseDetail>()(
    z.object({ caseId: id }).strict(),
    reads('book.read', names('legal-case', 'caseId')),
  ),
  'collections.settings': method<CollectionSettings>()(noInput, reads('book.read')),
  'collections.updateSettings': method<CollectionSettings>()(
    collectionSettingsSchema,
    changes('settings.manage'),
  ),
  /** Every outcome, retired ones included, in the order staff see them. */
  'collections.outcomes': method<ContactOutcome[]>()(noInput, reads('book.read')),
  'collections.addOutcome': method<ContactOutcome[]>()(addOutcomeSchema, changes('settings.manage')),
  'collections.updateOutcome': method<ContactOutcome[]>()(
    z
      .object({ code: z.string().min(1), label: outcomeLabel.optional(), active: z.boolean().optional() })
      .strict(),
    changes('settings.manage'),
  ),
  'collections.deleteOutcome': method<ContactOutcome[]>()(
    z.object({ code: z.string().min(1) }).strict(),
    changes('settings.manage'),
  ),
  /** Active users with the collector role: who accounts can be assigned to. */
  'collections.collectors': method<{ username: string; displayName: string }[]>()(
    noInput,
    reads('book.read'),
  ),
};
