import {
  LETTER_KINDS,
  LETTER_LOCALES,
  MERGE_FIELDS,
  type LetterKind,
  type LetterLocale,
  type LetterTemplate,
  type LetterTemplates,
} from '../../../shared/contract/collections';
import { readSettingsRows, writeSetting } from '../system/settings.repository';
import type { Db } from '../loans/loan.repository';

/**
 * The shipped wording: factual, courteous and lawful — it states the debt, the way to pay and
 * the lawful next step, and never threatens, shames or mentions third parties.
 */
export const DEFAULT_LETTERS: LetterTemplates = {
  reminder: {
    en: {
      subject: 'Payment reminder – loan {{loanNumber}}',
      body: 'Dear {{borrower}},\n\nOur records show that {{overdueAmount}} on loan {{loanNumber}} is {{daysPastDue}} days past due as of {{date}}.\n\nIf you have already paid, please disregard this reminder. Otherwise, please pay by {{deadline}} or contact us to discuss your situation.\n\nYours sincerely,\n{{company}}',
    },
    'zh-CN': {
      subject: '还款提醒 – 贷款 {{loanNumber}}',
      body: '尊敬的{{borrower}}：\n\n根据我们的记录，截至{{date}}，您的贷款 {{loanNumber}} 有 {{overdueAmount}} 已逾期 {{daysPastDue}} 天。\n\n如您已还款，请忽略本提醒。否则请于{{deadline}}前还款，或与我们联系说明您的情况。\n\n此致\n{{company}}',
    },
    'zh-TW': {
      subject: '還款提醒 – 貸款 {{loanNumber}}',
      body: '親愛的{{borrower}}：\n\n根據我們的紀錄，截至{{date}}，您的貸款 {{loanNumber}} 有 {{overdueAmount}} 已逾期 {{daysPastDue}} 天。\n\n如您已還款，請忽略本提醒。否則請於{{deadline}}前還款，或與我們聯繫說明您的情況。\n\n此致\n{{company}}',
    },
  },
  demand: {
    en: {
      subject: 'Demand for payment – loan {{loanNumber}}',
      body: 'Dear {{borrower}} (ID {{idNumber}}),\n\nDespite earlier reminders, {{overdueAmount}} on loan {{loanNumber}} remains unpaid and is {{daysPastDue}} days past due as of {{date}}. The outstanding principal is {{outstanding}}.\n\nWe formally request payment of the overdue amount by {{deadline}}. If you are unable to pay in full, please contact us before that date so that we can discuss a repayment arrangement.\n\nYours sincerely,\n{{company}}',
    },
    'zh-CN': {
      subject: '催收函 – 贷款 {{loanNumber}}',
      body: '{{borrower}}（证件号码 {{idNumber}}）：\n\n经我们此前提醒，您的贷款 {{loanNumber}} 仍有 {{overdueAmount}} 未还，截至{{date}}已逾期 {{daysPastDue}} 天，剩余本金为 {{outstanding}}。\n\n特此正式要求您于{{deadline}}前偿还逾期款项。如无法全额还款，请在该日期前与我们联系，协商还款安排。\n\n此致\n{{company}}',
    },
    'zh-TW': {
      subject: '催收函 – 貸款 {{loanNumber}}',
      body: '{{borrower}}（證件號碼 {{idNumber}}）：\n\n經我們先前提醒，您的貸款 {{loanNumber}} 仍有 {{overdueAmount}} 未還，截至{{date}}已逾期 {{daysPastDue}} 天，剩餘本金為 {{outstanding}}。\n\n特此正式要求您於{{deadline}}前償還逾期款項。如無法全額還款，請在該日期前與我們聯繫，協商還款安排。\n\n此致\n{{company}}',
    },
  },
  'final-notice': {
    en: {
      subject: 'Final notice before legal action – loan {{loanNumber}}',
      body: 'Dear {{borrower}} (ID {{idNumber}}),\n\nLoan {{loanNumber}} has {{overdueAmount}} overdue, {{daysPastDue}} days past due as of {{date}}; the outstanding principal is {{outstanding}}.\n\nThis is our final notice. If the overdue amount is not paid, or a repayment arrangement agreed, by {{deadline}}, we intend to refer the matter for legal proceedings and to enforce our security as the loan contract and the law permit.\n\nPlease contact us without delay.\n\nYours sincerely,\n{{company}}',
    },
    'zh-CN': {
      subject: '采取法律行动前的最后通知 – 贷款 {{loanNumber}}',
      body: '{{borrower}}（证件号码 {{idNumber}}）：\n\n截至{{date}}，贷款 {{loanNumber}} 有 {{overdueAmount}} 逾期 {{daysPastDue}} 天，剩余本金为 {{outstanding}}。\n\n本函为最后通知。如您未能于{{deadline}}前偿还逾期款项或与我们达成还款安排，我们将依照借款合同及法律规定，提起法律程序并依法实现担保权利。\n\n请尽快与我们联系。\n\n此致\n{{company}}',
    },
    'zh-TW': {
      subject: '採取法律行動前的最後通知 – 貸款 {{loanNumber}}',
      body: '{{borrower}}（證件號碼 {{idNumber}}）：\n\n截至{{date}}，貸款 {{loanNumber}} 有 {{overdueAmount}} 逾期 {{daysPastDue}} 天，剩餘本金為 {{outstanding}}。\n\n本函為最後通知。如您未能於{{deadline}}前償還逾期款項或與我們達成還款安排，我們將依照借款契約及法律規定，提起法律程序並依法實行擔保權利。\n\n請儘速與我們聯繫。\n\n此致\n{{company}}',
    },
  },
  'plan-confirmation': {
    en: {
      subject: 'Confirmation of your repayment arrangement – loan {{loanNumber}}',
      body: 'Dear {{borrower}},\n\nThank you for speaking with us. This letter confirms that you have agreed to pay {{promiseAmount}} on loan {{loanNumber}} by {{promiseDate}}.\n\nIf anything in this letter is not as you understood it, please contact us.\n\nYours sincerely,\n{{company}}',
    },
    'zh-CN': {
      subject: '还款安排确认函 – 贷款 {{loanNumber}}',
      body: '尊敬的{{borrower}}：\n\n感谢您与我们沟通。本函确认，您已同意于{{promiseDate}}前就贷款 {{loanNumber}} 偿还 {{promiseAmount}}。\n\n如本函内容与您的理解不符，请与我们联系。\n\n此致\n{{company}}',
    },
    'zh-TW': {
      subject: '還款安排確認函 – 貸款 {{loanNumber}}',
      body: '親愛的{{borrower}}：\n\n感謝您與我們溝通。本函確認，您已同意於{{promiseDate}}前就貸款 {{loanNumber}} 償還 {{promiseAmount}}。\n\n如本函內容與您的理解不符，請與我們聯繫。\n\n此致\n{{company}}',
    },
  },
};

const KEY = 'collections.letters';

export async function loadLetterTemplates(db: Db): Promise<LetterTemplates> {
  const saved = (await readSettingsRows(db))[KEY] as
    Partial<Record<LetterKind, Partial<Record<LetterLocale, LetterTemplate>>>> | undefined;
  const merged = structuredClone(DEFAULT_LETTERS);
  for (const kind of LETTER_KINDS) {
    for (const locale of LETTER_LOCALES) {
      const t = saved?.[kind]?.[locale];
      if (t && typeof t.subject === 'string' && typeof t.body === 'string') merged[kind][locale] = t;
    }
  }
  return merged;
}

export const saveLetterTemplates = (db: Db, templates: LetterTemplates) => writeSetting(db, KEY, templates);

/** Merge fields a template uses that do not exist. */
export function unknownFields(text: string): string[] {
  const known: readonly string[] = MERGE_FIELDS;
  return [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!).filter((f) => !known.includes(f));
}

export function mergeLetter(text: string, values: Record<(typeof MERGE_FIELDS)[number], string>): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) =>
    name in values ? values[name as keyof typeof values] : whole,
  );
}
