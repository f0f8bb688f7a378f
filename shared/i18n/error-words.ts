import type { TFunction } from 'i18next';
import { ERROR_TEXT_EN, isErrorCode, placeholdersOf, type ErrorCode } from '../contract/error-codes';
import { LOAN_STATUSES, type LoanChangeSinceRequest, type LoanStatus } from '../contract/loans';
import { CONTACT_PROFILES, type GuardViolation } from '../contract/collections';
import { PLAN_STATUSES } from '../contract/plans';
import { ITEM_STATUSES, REPOSSESSION_STEPS } from '../collateral/kinds';
import { RISK_GRADES } from '../engine/classification';
import { ACCOUNT_ROLES } from '../ledger/chart';

/**
 * A refusal worded from its code (shared/contract/error-codes.ts) and the `errors` resources.
 * Pure: the screen passes its i18next `t` and its locale's formatters, so the main side can word
 * a refusal the same way.
 */
export interface ErrorFormats {
  money: (minor: number) => string;
  date: (iso: string) => string;
  percent: (ratio: number) => string;
}

/**
 * The figures of a code as the locale writes them. The registry's template says which parameter is
 * an amount, a date or a percentage, so the screen never guesses from a parameter's name.
 */
const LOAN_STATUS_PARAMS = new Set(['status', 'target']);
const isLoanStatus = (value: unknown): value is LoanStatus =>
  (LOAN_STATUSES as readonly unknown[]).includes(value);

const statusWord = (value: string, t: TFunction): string =>
  isLoanStatus(value) ? t(`common.loanStatus.${value}`) : value;

const inSet =
  <K extends string>(values: readonly K[]) =>
  (value: unknown): value is K =>
    (values as readonly unknown[]).includes(value);
const isPlanStatus = inSet(PLAN_STATUSES);
const isItemStatus = inSet(ITEM_STATUSES);
const isStep = inSet(REPOSSESSION_STEPS);
const isWriteOffStatus = inSet(['proposed', 'approved', 'rejected'] as const);
const isProfile = inSet(CONTACT_PROFILES);
const isApprovalDecision = inSet(['approved', 'rejected', 'cancelled'] as const);

type Word = (value: unknown, t: TFunction) => string | undefined;
const stepWord: Word = (v, t) => (isStep(v) ? t(`collateral.repo.steps.${v}`) : undefined);
const isGrade = inSet(RISK_GRADES);
const gradeWord: Word = (v, t) => (isGrade(v) ? t(`loans.risk.grades.${v}`) : undefined);
const isRole = inSet(ACCOUNT_ROLES);
const roleWord: Word = (v, t) => (isRole(v) ? t(`ledger.roles.${v}`) : undefined);
const accountCodes = [
  'ledger.accountCode',
  'ledger.accountName',
  'ledger.codeUsedTwice',
  'ledger.codeMeantOther',
] as const;
const gradeCodes = [
  'classification.bandsStartAtZero',
  'classification.bandsBackwards',
  'classification.bandsLastOpen',
  'classification.gradeOfOtherProfile',
  'classification.ratePercent',
] as const;

/**
 * Statuses that are not a loan's (a plan's, an item's, a repossession's step): which parameter of
 * which code, worded from which resource. Each key is built from a typed set of values.
 */
const OTHER_STATUS_WORDS: Partial<Record<ErrorCode, Record<string, Word>>> = {
  'plan.notProposed': { status: (v, t) => (isPlanStatus(v) ? t(`plans.status.${v}`) : undefined) },
  'writeOff.decided': {
    status: (v, t) => (isWriteOffStatus(v) ? t(`plans.writeOff.status.${v}`) : undefined),
  },
  'approval.decided': { status: (v, t) => (isApprovalDecision(v) ? t(`access.actions.${v}`) : undefined) },
  'item.notActive': { status: (v, t) => (isItemStatus(v) ? t(`collateral.statuses.${v}`) : undefined) },
  'repossession.wrongStep': { next: stepWord, step: stepWord },
  'contact.blocked': { profile: (v, t) => (isProfile(v) ? t(`collections.profiles.${v}`) : undefined) },
  ...Object.fromEntries(gradeCodes.map((code) => [code, { grade: gradeWord }])),
  ...Object.fromEntries(
    accountCodes.map((code) => [code, { account: roleWord, first: roleWord, other: roleWord }]),
  ),
  'gradeOverride.decided': {
    status: (v, t) =>
      typeof v === 'string' && ['proposed', 'approved', 'rejected', 'removed', 'decided'].includes(v)
        ? t(`loans.risk.overrideStatus.${v as 'approved'}`)
        : undefined,
  },
  // The grades in the order the ranges must follow.
  'classification.bandsGrades': {
    expected: (v, t) =>
      typeof v === 'string'
        ? v
            .split(', ')
            .map((g) => gradeWord(g, t) ?? g)
            .join(' → ')
        : undefined,
  },
};

function wordChange(c: LoanChangeSinceRequest, t: TFunction): string {
  if (c.change === 'status')
    return t('loans.changedSince.status', { from: statusWord(c.from, t), to: statusWord(c.to, t) });
  return t(`loans.changedSince.${c.change}`);
}

/**
 * Figures a service sends as a list in the refusal's details (the rules a contact breaks, how a
 * loan moved on): the English sentence in `params` is for the log, the screen words each entry.
 */
function wordedLists(code: ErrorCode, details: unknown, t: TFunction): Record<string, string> {
  const d = (details ?? {}) as { violations?: GuardViolation[]; changes?: LoanChangeSinceRequest[] };
  if (code === 'contact.blocked' && Array.isArray(d.violations))
    return { violations: d.violations.map((v) => t(`collections.rules.${v.rule}`, v.params)).join(' ') };
  if (code === 'approval.loanChanged' && Array.isArray(d.changes))
    return { changes: d.changes.map((c) => wordChange(c, t)).join(t('common.listSeparator')) };
  return {};
}

export function formatParams(
  code: ErrorCode,
  params: Record<string, string | number> | undefined,
  fmt: ErrorFormats,
  t: TFunction,
  details?: unknown,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params, ...wordedLists(code, details, t) };
  for (const { name, format } of placeholdersOf(ERROR_TEXT_EN[code])) {
    const value = params?.[name];
    if (value === undefined) continue;
    if (format === 'money' && typeof value === 'number') out[name] = fmt.money(value);
    else if (format === 'date') out[name] = fmt.date(String(value));
    else if (format === 'percent' && typeof value === 'number') out[name] = fmt.percent(value);
    // A loan's status is a word the lender's language already has.
    else if (OTHER_STATUS_WORDS[code]?.[name]) out[name] = OTHER_STATUS_WORDS[code][name](value, t) ?? value;
    else if (LOAN_STATUS_PARAMS.has(name) && isLoanStatus(value)) out[name] = statusWord(value, t);
  }
  return out;
}

/** One refusal in the UI language; the English text only when it carries no code (a bug to fix). */
export function wordRefusal(
  reason: unknown,
  params: Record<string, string | number> | undefined,
  english: string,
  t: TFunction,
  fmt: ErrorFormats,
  details?: unknown,
): string {
  if (!isErrorCode(reason)) return english;
  return t(
    `errors.${reason}` as never,
    formatParams(reason, params, fmt, t, details) as never,
  ) as unknown as string;
}
