/**
 * Every refusal a user can meet, as a stable code with its figures. The screen words the code in
 * the UI language (the `errors` i18next namespace); the English template here is the text for
 * logs and the CLI, and the English resource is checked against it so the two never drift.
 *
 * Templates use i18next's placeholders. A placeholder may name a format, which the screen applies
 * by locale and the English text applies plainly:
 * - `{{amount, money}}`: integer minor units;
 * - `{{date, date}}`: YYYY-MM-DD;
 * - `{{ratio, percent}}`: a ratio, 0.8 for 80%.
 *
 * The parameters of a code are read from its template by the type system, so a throw site that
 * forgets one, or names one the template does not use, fails `tsc`.
 */
import { formatAmount } from '../money/amount';

export const ERROR_TEXT_EN = {
  // Records that are not there.
  'loan.notFound': 'loan {{key}} does not exist',
  'borrower.notFound': 'borrower {{key}} does not exist',
  'item.notFound': 'collateral item {{key}} does not exist',
  'valuation.notFound': 'valuation {{key}} does not exist',
  'attachment.notFound': 'attachment {{key}} does not exist',
  'payment.notFound': 'payment {{key}} does not exist',
  'plan.notFound': 'plan {{key}} does not exist',
  'writeOff.notFound': 'write-off {{key}} does not exist',
  'repossession.notFound': 'repossession {{key}} does not exist',
  'legalCase.notFound': 'legal case {{key}} does not exist',
  'visit.notFound': 'visit {{key}} does not exist',
  'outcome.notFound': 'contact outcome {{key}} does not exist',
  'user.notFound': 'user {{key}} does not exist',
  'approval.notFound': 'approval request {{key}} does not exist',
  'scheduleVersion.notFound': 'schedule version {{version}} of loan {{key}} does not exist',
  'link.notFound': 'item {{itemId}} does not secure loan {{loanId}}',
  'backup.notFound': 'there is no backup called {{name}} in the backup folder',

  // zod's built-in checks, by issue code (shared/contract/zod-issues.ts), so both the form and a
  // request the service refused word them in the UI language.
  'input.required': 'is required',
  'input.tooShort': 'must have at least {{minimum}} characters',
  'input.tooLong': 'must have at most {{maximum}} characters',
  'input.tooFew': 'must have at least {{minimum}} entries',
  'input.tooMany': 'must have at most {{maximum}} entries',
  'input.atLeast': 'must be at least {{minimum}}',
  'input.above': 'must be above {{minimum}}',
  'input.atMost': 'must be at most {{maximum}}',
  'input.below': 'must be below {{maximum}}',
  'input.notWhole': 'must be a whole number',
  'input.notNumber': 'must be a number',
  'input.notDate': 'must be a date (YYYY-MM-DD)',
  'input.notEmail': 'must be an e-mail address',
  'input.badForm': 'is not in the expected form',
  'input.notChoice': 'is not one of the choices',
  'input.multipleOf': 'must be a multiple of {{divisor}}',
  'input.unknownFields': 'has fields this request does not take: {{keys}}',
  'input.invalid': 'is not valid',
  'input.amountTooLarge': 'amount is too large',
  'input.positive': 'must be greater than zero',
  'input.notNegative': 'cannot be negative',
  'input.amount': 'enter an amount such as 120000 or 120,000.00',
  'borrower.residentId': 'a resident ID has 18 characters: 17 digits then a digit or X',

  // The contract's own checks on a request.
  'percent.range': 'must be above 0 and at most 100',
  'vin.length': 'must be 17 characters (got {{length}})',
  'vin.forbiddenLetters': 'must not contain the letters I, O or Q',
  'vin.characters': 'may contain only digits and the letters A–Z (except I, O, Q)',
  'owner.nameMissing': 'name the third-party owner',

  // Signing in and rights.
  'auth.signInFirst': 'sign in first',
  'auth.signInUnavailable': 'signing in is not available here',
  'auth.wrongPassword': 'wrong user name or password',
  'auth.wrongPasswordLocked':
    'wrong user name or password; the account is now locked for {{minutes}} minutes',
  'auth.locked': 'too many wrong passwords: {{username}} is locked until {{until}} UTC',
  'auth.ownerExists': 'the owner account already exists; sign in instead',
  'auth.lastOwner': 'this is the only owner; make someone else owner first',
  'auth.forbidden': '{{name}} ({{role}}) may not do this: it needs the "{{permission}}" permission',
  'auth.outOfScope': 'this account is assigned to another collector; ask a manager to reassign it',
  'user.nameTaken': '{{username}} is already taken',
  'db.damaged': 'the database is damaged ({{problems}}); nothing was saved. Restore the latest backup',

  // Desktop-only features reached from the browser demo.
  'work.cancelled': 'stopped as asked; nothing was saved',
  'host.stopped':
    'the data service stopped and has been restarted; what was being saved was not saved, so try again',
  'desktop.chooseFolder': 'choosing a folder needs the desktop app',
  'desktop.restore': 'restoring needs the desktop app; use `pledgebook restore` here',
  'desktop.savePdf': "saving as PDF needs the desktop app; use the browser's print dialog here",

  // Loans and borrowers.
  'loan.borrowerIsParty': 'the borrower cannot also be a guarantor or reference of the same loan',
  'loan.startAfterToday': 'the disbursement date cannot be after today ({{today, date}})',
  'loan.borrowerMissing': 'borrower {{id}} does not exist',
  'loan.partyMissing': 'person {{id}} does not exist',
  'loan.statusMove': 'loan {{number}} is {{status}}; it cannot be moved to {{target}} by hand',
  'loan.notOpen': 'loan {{number}} is {{status}}; only an open loan can do this',
  'loan.draft': 'loan {{number}} is a draft; there is nothing to collect',
  'loan.missing': 'loan {{id}} does not exist',

  // Payments.
  'payment.writtenOff':
    'loan {{number}} is written off: record money received for it as a recovery, not a payment',
  'payment.loanClosed': 'loan {{number}} is {{status}}; it does not take payments',
  'payment.dateAfterToday': 'a payment cannot be dated after today ({{today, date}})',
  'payment.dateBeforeDisbursement':
    'a payment cannot be dated before the disbursement date {{startDate, date}}',
  'payment.aboveDue': '{{amount, money}} is more than the payoff on {{date, date}} ({{payoff, money}})',
  'payment.prepayUnderPlan': 'a loan under a repayment plan cannot be re-planned by a prepayment',
  'payment.prepayBeforeLastPayment':
    'a prepayment cannot be dated before the last payment ({{lastPaid, date}})',
  'payment.prepayCannotShorten':
    'the installment no longer covers the interest, so the term cannot be shortened',
  'payment.prepayBullet': 'a bullet loan has a single repayment: apply the money to it, or settle the loan',
  'payment.prepayInterestOnlyTerm':
    'an interest-only loan repays its principal at the end: reduce the installment instead',
  'payment.prepaySettles': 'this amount repays all the principal: settle the loan',
  'payment.prepayNothingBeyondDue':
    '{{amount, money}} does not go beyond what is due: nothing is left to prepay',
  'payment.reversalOfReversal': 'a reversal cannot itself be reversed; record a new payment instead',
  'payment.alreadyReversed': 'payment {{receipt}} was already reversed',
  'payment.backdated':
    "a payment dated {{date, date}} is back-dated too far: send it for a second user's approval",
  'payment.settlementBeforeLastPayment':
    "a payment dated {{date, date}} would settle the loan before the payment of {{lastPaid, date}}: send it for a second user's approval",
  'payment.reversalHasNoReceipt': 'a reversal entry has no receipt; print the original payment',
  'payment.recentEnough': 'this payment is recent enough to record directly',

  // Plans, write-offs and approvals.
  'plan.loanNotOpen': 'loan {{number}} is {{status}}: a plan can only be made for a loan that is still open',
  'plan.notProposed': 'plan #{{id}} is {{status}}; only a proposed plan can be decided',
  'plan.ownProposal':
    'you proposed plan #{{id}}; another user with approval rights must approve or reject it',
  'plan.alreadyActive': 'loan {{number}} already follows plan #{{id}}; it must end before another starts',
  'plan.fullyPaid': 'the loan is fully paid: there is nothing left to restructure',
  'plan.noArrears': 'the loan has no arrears to spread over installments',
  'plan.noPrincipal': 'no principal is left to extend',
  'plan.nothingAfterHoliday': 'no principal is left to reschedule after a holiday',
  'plan.nothingToReprice': 'no installment is left to re-price after the as-of date',
  'plan.payByBeforeAsOf': 'must not be before the as-of date {{asOf, date}}',
  'plan.amountNotPositive': 'the amount must be greater than 0',
  'plan.monthsInvalid': 'must be a whole number of months, at least 1',
  'plan.waiverRange': 'a waiver must be from 0 to 100% of the penalty due (got "{{got}}")',
  'plan.bulletRate': 'a bullet loan has one installment: change its rate with an extension',
  'plan.amountAbovePayoff':
    '{{amount, money}} is more than the payoff of {{payoff, money}} on {{date, date}}',
  'writeOff.loanNotOpen': 'loan {{number}} is {{status}}: only an open loan can be written off',
  'writeOff.pending': 'write-off #{{id}} of loan {{number}} is already waiting',
  'writeOff.decided': 'write-off #{{id}} is already {{status}}',
  'writeOff.ownRequest': 'you requested write-off #{{id}}; another user with approval rights must decide it',
  'recovery.notWrittenOff':
    'only money for a written-off loan is a recovery; record other money as a payment',
  'recovery.dateAfterToday': 'a recovery cannot be dated after today ({{today, date}})',
  'recovery.beforeWriteOff': 'must not be before the write-off on {{date, date}}',
  'approval.ownRequest': 'you made request #{{id}}; another user must approve or reject it',
  'approval.decided': 'request #{{id}} was already {{status}}',
  'approval.invalidPayload': 'request #{{id}} no longer holds a valid request',
  'approval.loanChanged':
    'request #{{id}} was cancelled: since it was made, {{changes}}. Ask again if it is still needed',

  // Risk classification and provisions (Settings → Accounting).
  'classification.bandsStartAtZero': 'the first range ({{grade}}) must start at 0 days past due',
  'classification.bandsGap':
    'the ranges leave a gap: one ends at {{after}} days and the next starts at {{next}}',
  'classification.bandsOverlap':
    'the ranges overlap: one ends at {{after}} days and the next starts at {{next}}',
  'classification.bandsBackwards':
    'the range of {{grade}} ends ({{toDays}} days) before it starts ({{fromDays}})',
  'classification.bandsLastOpen': 'the last range ({{grade}}) must have no upper end',
  'classification.bandsGrades': 'the ranges must be, in order: {{expected}}',
  'classification.gradeOfOtherProfile': '{{grade}} is not a grade of the chosen classification',
  'classification.ratePercent':
    'the provision rate of {{grade}} must be between 0% and 100%, not "{{value}}"',
  'gradeOverride.notFound': 'grade override {{key}} does not exist',
  'gradeOverride.notOnBook': 'loan {{number}} is {{status}}: only a loan on the book has a grade to override',
  'gradeOverride.pending': 'override #{{id}} of loan {{number}} is already waiting for approval',
  'gradeOverride.decided': 'override #{{id}} is already {{status}}',
  'gradeOverride.ownRequest': 'you asked for override #{{id}}; another manager must decide it',
  'gradeOverride.notInForce': 'override #{{id}} is not in force, so there is nothing to remove',
  'classification.observationMonths': 'the observation period must be 0 to 60 months, not {{value}}',

  // The general ledger (Settings → Accounting, the Ledger page).
  'ledger.accountCode':
    'the code of {{account}} must be digits, optionally in dotted levels such as 1002 or 1002.01, not "{{code}}"',
  'ledger.accountName': 'account {{code}} ({{account}}) needs a name in Chinese and in English',
  'ledger.codeUsedTwice': 'code {{code}} is used twice: by {{first}} and by {{account}}',
  'ledger.codeMeantOther':
    'code {{code}} was {{other}} in {{month}}, a closed month; give {{account}} a code of its own (a new account applies from this month on)',
  'ledger.monthNotEnded':
    'the journal of {{month}} is made once the month has ended (today is {{date, date}})',

  // Collateral.
  'vin.taken': 'VIN {{vin}} is already recorded on another active item (#{{id}}, plate {{plate}})',
  'item.loanNotLinkable': 'loan {{number}} is {{status}}; it cannot take collateral',
  'item.oneBorrower': 'an item can only secure loans of one borrower',
  'item.kindFixed': 'item {{id}} is a {{kind}}; its kind cannot change',
  'item.notActive': 'item {{id}} is {{status}}; it can no longer be changed',
  'item.otherBorrower':
    'loan {{number}} belongs to another borrower; an item secures loans of its owner only',
  'item.alreadyLinked': 'item {{id}} already secures loan {{number}}',
  'item.inRepossession': 'item {{id}} is being repossessed for loan {{number}}; finish or reverse that first',
  'item.missing': 'item {{id}} does not exist',
  'valuation.afterToday': 'a valuation cannot be dated after today ({{today, date}})',
  'valuation.notPositive': 'a value must be greater than zero',
  'valuation.alreadyVoided': 'valuation {{id}} was already voided',
  'valuation.missing': 'valuation {{id}} does not exist',
  'valuation.otherItem': 'valuation {{id}} belongs to another item',
  'attachment.empty': 'the file is empty',
  'attachment.tooLarge': 'the file is larger than {{megabytes}} MB',
  'attachment.notImage': '{{fileName}} says it is {{mime}} but is not a JPEG, PNG, GIF or WebP image',
  'attachment.noPreview': '{{fileName}} is not an image; it has no preview',
  'attachment.fileMissing': 'the file for {{fileName}} is missing from the attachments folder',
  'attachment.damaged': 'the stored file for {{fileName}} is damaged (its SHA-256 no longer matches)',
  'attachment.alreadyRemoved': '{{fileName}} was already removed',
  'repossession.dateAfterToday': 'a step cannot be dated after today ({{today, date}})',
  'repossession.dateBeforePrevious': 'a step cannot be dated before the previous step ({{date, date}})',
  'repossession.vehicleOnly': 'a vehicle is repossessed, not foreclosed',
  'repossession.propertyOnly': 'a property is foreclosed, not repossessed',
  'repossession.noDebt': 'loan {{number}} is {{status}}; there is no debt to enforce',
  'repossession.running': 'item {{id}} already has a repossession in progress (#{{running}})',
  'repossession.over': 'repossession #{{id}} is over; record nothing more on it',
  'repossession.wrongStep': 'the next step of repossession #{{id}} is "{{next}}", not "{{step}}"',
  'repossession.nothingToReverse': 'repossession #{{id}} has no step left to reverse',
  'repossession.proceedsLoanClosed': 'loan {{number}} is {{status}}; proceeds cannot be applied to it',
  'repossession.proceedsBackdated':
    "proceeds applied on {{date, date}} would post a back-dated payment, which needs a second user's approval; apply them with today's date",

  // Collections.
  'contact.blocked':
    'blocked by the {{profile}} contact profile: {{violations}} To go ahead anyway, give an override reason; it is recorded and counted in the monthly report',
  'contact.chooseParty': 'choose which {{party}} was contacted',
  'contact.notParty': 'is not a {{party}} on loan {{number}}',
  'contact.inFuture':
    'a contact cannot be in the future (it is now {{date, date}} {{time}} for the borrower)',
  'contact.unknownOutcome': '"{{outcome}}" is not an outcome in the list',
  'contact.retiredOutcome': '"{{outcome}}" is retired; choose an outcome still in the list',
  'contact.followUpPast': 'a follow-up cannot be planned before today ({{today, date}})',
  'contact.promisePast': 'a promise cannot be dated in the past (today is {{today, date}})',
  'contact.amendsOtherLoan': 'contact {{id}} is not on loan {{number}}',
  'visit.teamTooSmall': 'an on-site visit needs a team of at least two different staff members',
  'visit.inPast': 'a visit must be planned for a time still to come',
  'visit.outcomeRecorded': 'the outcome of visit {{id}} is already recorded',
  'visit.notYet': 'the visit has not happened yet',
  'assign.unknownLoans': 'some of these loans do not exist',
  'unreachable.reasonMissing': 'say why the borrower cannot be reached',
  'timeline.scopeMissing': 'give a loan or a borrower',
  'letter.unknownField': 'unknown merge field {{field}}; use one of {{known}}',
  'outcome.labelTaken': '"{{label}}" is already the label of outcome "{{code}}"',
  'outcome.lastOffered': 'at least one outcome must stay offered for new contacts',
  'outcome.codeTaken': '"{{code}}" is already an outcome ("{{label}}")',
  'outcome.letterOutcome': '"{{code}}" is how letters are logged and cannot be deleted; retire it instead',
  'outcome.inUse':
    '"{{code}}" is the outcome of recorded contacts ({{count}}) and cannot be deleted; retire it instead so those contacts keep it',
  'legal.dateAfterToday': 'cannot be after today ({{today, date}})',
  'legal.loanNotOpen': 'loan {{number}} is {{status}}; only an open loan can be referred to legal',
  'legal.caseOpen': 'loan {{number}} already has open legal case #{{id}}',
  'legal.caseClosed': 'legal case #{{id}} is closed',
  'legal.stageBack': 'the case is already at "{{stage}}"; it cannot go back to "{{target}}"',
  'legal.dateBeforeOpened': 'cannot be before the case was opened ({{date, date}})',
  'legal.outcomeMissing': 'record the outcome when closing a case',

  // Backups, import and reports.
  'backup.unusable': 'this backup cannot be used: {{detail}}',
  'backup.folderNotAbsolute': 'the folder must be a full path',
  'backup.folderNotWritable': 'Pledgebook cannot write to {{folder}}; choose another folder',
  'backup.running': 'a backup is already running; wait for it to finish',
  'backup.unverified': 'the backup could not be verified, so it was not kept: {{detail}}',
  'import.notBase64': '{{name}} did not arrive as base64',
  'import.notXlsx': '{{name}} is not a readable XLSX workbook',
  'import.passwordProtected': '{{name}} is password-protected; save it without a password and try again',
  'import.tooLarge': '{{name}} is larger than {{megabytes}} MB',
  // A server book that cannot be opened (office mode); nothing was written.
  'server.urlWithoutDatabase':
    'the server address names no database; add it after the last slash, e.g. postgres://user@server/pledgebook',
  'server.badUrl':
    'that is not a server address Pledgebook can read; it looks like postgres://user@server:5432/pledgebook',
  'server.unreachable':
    'the database server {{host}} cannot be reached; check that it is running, its address and port, and the office network or firewall',
  'server.wrongPassword': 'the server refused the user name or password for {{user}}',
  'server.noDatabase':
    "the server has no database called {{database}}; create it first (see the README's office set-up) or check its name",
  'server.notAllowed':
    'the server does not let {{user}} use this database; ask whoever runs the server to grant access',
  'server.tooOld': 'the server runs PostgreSQL {{version}}; Pledgebook needs {{oldest}} or later',
  'server.noTrgm':
    "the server lacks the pg_trgm extension that search needs; install PostgreSQL's contrib package on the server",
  'server.notPledgebook':
    'this database already holds {{tables}} tables that are not a Pledgebook book; use an empty database for a new book',
  'server.newerThanApp':
    'this book was written by a newer version of Pledgebook (it contains {{migrations}}); install the newer version on this PC',
  'server.upgradeNeedsOwner':
    'this book needs bringing up to this version of Pledgebook, and {{user}} may not change its tables; the owner runs "office init" once (see the README), then open it again',
  'server.fileBookOnly':
    'this works only on a book kept in a file on this PC; this book is on a database server',
  'server.toolMissing':
    "{{tool}} is not installed on this PC; install the PostgreSQL client tools (Debian/Ubuntu: postgresql-client; Windows and macOS: the PostgreSQL installer's command-line tools)",
  'server.backupMissing': 'there is no backup at {{path}}',
  'server.certificateRejected':
    'the server {{host}} showed a certificate this PC does not trust; give the office certificate authority file, or ask whoever runs the server',
  'server.noTls':
    'the server {{host}} does not accept encrypted connections; turn encryption on at the server, or choose no encryption on a closed office network',
  'office.noKeychain':
    "this PC's keychain cannot keep the database password safely (the operating system offers no encryption here), so it was not kept",
  'office.chooseBookFirst': 'choose where the book is kept first: on this PC, or on the office database',
  // Several PCs on one server book.
  'server.busy':
    'other PCs were changing the same records, and this change could not go through after {{tries}} tries; nothing was saved, so try again',
  'server.connectionLost':
    'the connection to the office database was lost during this step; Pledgebook reconnects by itself, then check whether the change shows before doing it again',
  'server.restoreNotEmpty':
    'a backup is restored into a new, empty database only, and this one holds {{tables}} tables; create an empty database and restore into it',
  // Moving a book between engines (`office move`); nothing was written.
  'office.targetNotEmpty':
    'the book to move into is not empty ({{table}} holds {{rows}} rows); a move goes into a new, empty book only',
  'office.sourceNotCurrent':
    "the book to move from is not at this version's schema ({{pending}} pending); open it once with this version of Pledgebook, then move it",
  'office.sameBook': 'the book to move from and the book to move into are the same',
  'office.notFound': 'there is no book at {{location}}',
  'office.seedNotEmpty': 'a demo book on a server is seeded only while it is empty; seed a new database',
  'report.monthNotStarted': '{{month}} has not started yet (today is {{today, date}})',
} as const;

export type ErrorCode = keyof typeof ERROR_TEXT_EN;
export const ERROR_CODES = Object.keys(ERROR_TEXT_EN) as ErrorCode[];

/** The formats a placeholder may name; anything else is shown as it is. */
export type ParamFormat = 'money' | 'date' | 'percent';

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type NameOf<P extends string> = P extends `${infer N},${string}` ? Trim<N> : Trim<P>;
type PlaceholdersOf<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? NameOf<P> | PlaceholdersOf<Rest>
  : never;

/** The figures a code names: amounts in minor units, dates as YYYY-MM-DD. */
export type ErrorParams<C extends ErrorCode> = Record<
  PlaceholdersOf<(typeof ERROR_TEXT_EN)[C]>,
  string | number
>;

/** The arguments after a code: none when its template names nothing, else its params. */
export type ParamsArg<C extends ErrorCode> = [PlaceholdersOf<(typeof ERROR_TEXT_EN)[C]>] extends [never]
  ? []
  : [params: ErrorParams<C>];

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

/** The placeholders of a template with their formats, for the translation test and the screen. */
export function placeholdersOf(template: string): { name: string; format: string | undefined }[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, format: m[2] }));
}

/** The English sentence for logs and the CLI; money as plain major units, e.g. 91696.00. */
export function errorTextEn(code: ErrorCode, params: Record<string, string | number> = {}): string {
  return ERROR_TEXT_EN[code].replace(PLACEHOLDER, (whole, name: string, format?: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    if (format === 'money' && typeof value === 'number') return formatAmount(value);
    if (format === 'percent' && typeof value === 'number') return `${+(value * 100).toFixed(2)}%`;
    return String(value);
  });
}

type Params = Record<string, string | number>;

/**
 * How a coded schema issue is worded when zod reports it. The service keeps English (its issues
 * also carry the code, so the screen words them); the renderer words them in the UI language, so
 * a form's own validation speaks it too.
 */
let wordIssue: (code: ErrorCode, params: Params) => string = errorTextEn;
export function wordSchemaIssuesWith(word: (code: ErrorCode, params: Params) => string): void {
  wordIssue = word;
}

/** A custom zod issue naming its code: `ctx.addIssue(codedIssue('vin.length', {length: 16}))`. */
export function codedIssue<C extends ErrorCode>(code: C, ...params: ParamsArg<C>) {
  const figures = (params[0] ?? {}) as Params;
  return { code: 'custom' as const, message: wordIssue(code, figures), params: { reason: code, figures } };
}

/** The options of a `.refine` whose refusal names a code. */
export function coded(code: ErrorCode) {
  return { error: () => wordIssue(code, {}), params: { reason: code, figures: {} } };
}

export const isErrorCode = (reason: unknown): reason is ErrorCode =>
  typeof reason === 'string' && Object.hasOwn(ERROR_TEXT_EN, reason);
