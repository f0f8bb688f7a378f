/**
 * Turns spreadsheet cells into exact values: ISO dates, integer minor units and rate strings.
 * Cells arrive as text, as numbers (what Excel stores) or as ISO dates the file reader already
 * worked out. Nothing here uses floating-point arithmetic: numbers are read through their
 * shortest decimal text and scaled by moving the decimal point.
 */
import { fromDayNumber, isValidIsoDate } from '../dates/civil';
import { parseAmount, type Minor } from '../money/amount';
import { REPAYMENT_METHODS, type RepaymentMethod } from '../engine/schedule';
import type { ID_TYPES } from '../contract/borrowers';
import type { HeaderLanguage } from './fields';
import { rejection, type Rejection, type RejectionCode, type RejectionParams } from './reasons';

export type Cell = string | number | null;

/** A value, or why the cell cannot be used (a code to translate, and the English sentence). */
export type Parsed<T> = { ok: true; value: T } | ({ ok: false } & Rejection);
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = <T>(code: RejectionCode, params: RejectionParams = {}): Parsed<T> => ({
  ok: false,
  ...rejection(code, params),
});

export const cellText = (cell: Cell): string => (cell === null ? '' : String(cell).trim());

/** Plain decimal text of a number or numeric string: 12.5 → "12.5"; refuses 1e21 and NaN. */
function decimalText(cell: Cell): string | null {
  const text = cellText(cell);
  return /^-?\d+(\.\d+)?$/.test(text) ? text : /^-?\.\d+$/.test(text) ? text.replace('.', '0.') : null;
}

/** Moves the decimal point of a decimal string: ("12.5", 4) → "125000", ("0.12", 2) → "12". */
export function shiftDecimal(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [whole = '', frac = ''] = (negative ? text.slice(1) : text).split('.');
  let digits = whole + frac;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point, '0');
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

// Excel counts days from 1899-12-31 as day 1 and, copying Lotus 1-2-3, believes 1900-02-29
// existed (serial 60). Serials from 61 on are therefore one day "late": 25569 is 1970-01-01.
const EXCEL_EPOCH_SERIAL = 25569;
const EXCEL_FAKE_LEAP_DAY = 60;
/** 9999-12-31: Excel's last date. */
const EXCEL_MAX_SERIAL = 2958465;

export function excelSerialToIso(serial: number): Parsed<string> {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > EXCEL_MAX_SERIAL) {
    return bad('date.notSerial', { value: serial });
  }
  if (day === EXCEL_FAKE_LEAP_DAY) return bad('date.fakeLeapDay');
  return ok(fromDayNumber(day - EXCEL_EPOCH_SERIAL + (day < EXCEL_FAKE_LEAP_DAY ? 1 : 0)));
}

const YMD =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, or an Excel serial number such as 46027. */
export function parseDateCell(cell: Cell): Parsed<string> {
  if (typeof cell === 'number') return excelSerialToIso(cell);
  const text = cellText(cell);
  if (!text) return bad('date.invalid', { value: text });
  if (/^\d{1,7}(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text.split('.')[0]));
  const m = YMD.exec(text);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (isValidIsoDate(iso)) return ok(iso);
    return bad('date.notReal', { value: text });
  }
  return bad('date.invalid', { value: text });
}

/** 100000, "100,000.00", "¥12,000", "￥12000元", "12.5万" (= 125,000.00) → minor units. */
export function parseAmountCell(cell: Cell): Parsed<Minor> {
  let text = cellText(cell);
  if (!text) return bad('amount.invalid', { value: text });
  text = text.replace(/^[¥￥]|元$|\s+/g, '').replace(/^(?:RMB|CNY)/i, '');
  let scale = 0;
  if (text.endsWith('万')) {
    scale = 4;
    text = text.slice(0, -1);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  const decimal = decimalText(text);
  if (decimal === null) return bad('amount.invalid', { value: cellText(cell) });
  if (decimal.startsWith('-')) return bad('amount.negative', { value: cellText(cell) });
  const shifted = shiftDecimal(decimal, scale);
  const [, frac = ''] = shifted.split('.');
  if (frac.length > 2) return bad('amount.decimals', { value: cellText(cell) });
  try {
    return ok(parseAmount(shifted));
  } catch {
    return bad('amount.tooLarge', { value: cellText(cell) });
  }
}

/**
 * A rate as the exact percentage string the loan terms keep: 12 or "12%" → "12". In a column
 * that holds fractions (header "年利率(小数)" / "rate (decimal)") 0.12 → "12".
 */
export function parseRateCell(cell: Cell, asFraction = false): Parsed<string> {
  let text = cellText(cell);
  if (!text) return bad('rate.invalid', { value: text });
  let percentSign = false;
  if (/[%％]$/.test(text)) {
    percentSign = true;
    text = text.slice(0, -1).trim();
  }
  const decimal = decimalText(text);
  if (decimal === null || decimal.startsWith('-')) return bad('rate.invalid', { value: cellText(cell) });
  const percent = asFraction && !percentSign ? shiftDecimal(decimal, 2) : shiftDecimal(decimal, 0);
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(percent)) {
    return bad('rate.invalid', { value: cellText(cell) });
  }
  return ok(percent);
}

/** 12, "12期", "12个月", "12 months" → 12. */
export function parseMonthsCell(cell: Cell): Parsed<number> {
  const text = cellText(cell).replace(/\s*(期|个月|個月|月|months?)$/i, '');
  if (!/^\d{1,4}(\.0+)?$/.test(text)) return bad('months.invalid', { value: cellText(cell) });
  const months = Number(text.split('.')[0]);
  if (months < 1 || months > 600) return bad('months.range', { value: months });
  return ok(months);
}

const METHOD_NAMES: Record<string, RepaymentMethod> = {
  等额本息: 'annuity',
  等額本息: 'annuity',
  等额本金: 'equal-principal',
  等額本金: 'equal-principal',
  先息后本: 'interest-only',
  先息後本: 'interest-only',
  按月付息到期还本: 'interest-only',
  到期一次还本付息: 'bullet',
  到期一次還本付息: 'bullet',
  'equal installments': 'annuity',
  'equal principal': 'equal-principal',
  'interest only': 'interest-only',
};

export function parseMethodCell(cell: Cell): Parsed<RepaymentMethod> {
  const text = cellText(cell);
  const key = text.toLowerCase();
  const found = METHOD_NAMES[text] ?? METHOD_NAMES[key] ?? REPAYMENT_METHODS.find((m) => m === key);
  return found ? ok(found) : bad('method.unknown', { value: text });
}

export type ImportProduct = 'mortgage' | 'car-title' | 'other-secured';
const PRODUCT_NAMES: Record<string, ImportProduct> = {
  房产抵押: 'mortgage',
  房產抵押: 'mortgage',
  房抵贷: 'mortgage',
  车辆抵押: 'car-title',
  車輛抵押: 'car-title',
  车抵贷: 'car-title',
  其他抵押: 'other-secured',
  mortgage: 'mortgage',
  'car-title': 'car-title',
  'car title': 'car-title',
  'other-secured': 'other-secured',
};

export function parseProductCell(cell: Cell): Parsed<ImportProduct> {
  const text = cellText(cell);
  const found = PRODUCT_NAMES[text] ?? PRODUCT_NAMES[text.toLowerCase()];
  return found ? ok(found) : bad('product.unknown', { value: text });
}

/** What a lender's status column may say; being overdue (逾期) is computed, so it reads as active. */
export type ImportStatus = 'active' | 'closed' | 'written-off' | 'legal' | 'restructured';
const STATUS_NAMES: Record<string, ImportStatus> = {
  正常: 'active',
  逾期: 'active',
  active: 'active',
  overdue: 'active',
  结清: 'closed',
  已结清: 'closed',
  結清: 'closed',
  已結清: 'closed',
  closed: 'closed',
  'paid off': 'closed',
  核销: 'written-off',
  已核销: 'written-off',
  核銷: 'written-off',
  已核銷: 'written-off',
  'written-off': 'written-off',
  'written off': 'written-off',
  诉讼: 'legal',
  起诉: 'legal',
  訴訟: 'legal',
  起訴: 'legal',
  legal: 'legal',
  重组: 'restructured',
  展期: 'restructured',
  重組: 'restructured',
  restructured: 'restructured',
};

export function parseStatusCell(cell: Cell): Parsed<ImportStatus> {
  const text = cellText(cell);
  const found = STATUS_NAMES[text] ?? STATUS_NAMES[text.toLowerCase()];
  return found ? ok(found) : bad('status.unknown', { value: text });
}

/** Labels written back out, so an export re-imports as the same book. */
export const METHOD_LABELS: Record<'en' | 'zh-CN' | 'zh-TW', Record<RepaymentMethod, string>> = {
  en: {
    annuity: 'annuity',
    'equal-principal': 'equal-principal',
    'interest-only': 'interest-only',
    bullet: 'bullet',
  },
  'zh-CN': {
    annuity: '等额本息',
    'equal-principal': '等额本金',
    'interest-only': '先息后本',
    bullet: '到期一次还本付息',
  },
  'zh-TW': {
    annuity: '等額本息',
    'equal-principal': '等額本金',
    'interest-only': '先息後本',
    bullet: '到期一次還本付息',
  },
};

export const PRODUCT_LABELS: Record<'en' | 'zh-CN' | 'zh-TW', Record<ImportProduct, string>> = {
  en: { mortgage: 'mortgage', 'car-title': 'car-title', 'other-secured': 'other-secured' },
  'zh-CN': { mortgage: '房产抵押', 'car-title': '车辆抵押', 'other-secured': '其他抵押' },
  'zh-TW': { mortgage: '房產抵押', 'car-title': '車輛抵押', 'other-secured': '其他抵押' },
};

/** Grace days as the loan terms allow them: 3, "3天", "3 days" → 3. */
export function parseGraceDaysCell(cell: Cell): Parsed<number> {
  const text = cellText(cell).replace(/\s*(天|日|days?)$/i, '');
  const days = /^\d{1,2}(\.0+)?$/.test(text) ? Number(text.split('.')[0]) : NaN;
  return days <= 90 ? ok(days) : bad('days.invalid', { value: cellText(cell) });
}

/** 2019, "2019年", "2019款" → 2019; the range is the one the collateral screen accepts. */
export function parseYearCell(cell: Cell): Parsed<number> {
  const text = cellText(cell).replace(/\s*(年款|年|款)$/, '');
  const year = /^\d{4}(\.0+)?$/.test(text) ? Number(text.slice(0, 4)) : NaN;
  return year >= 1950 && year <= 2100 ? ok(year) : bad('year.invalid', { value: cellText(cell) });
}

export type ImportBorrowerKind = 'person' | 'company';
const BORROWER_KIND_NAMES: Record<string, ImportBorrowerKind> = {
  个人: 'person',
  個人: 'person',
  自然人: 'person',
  企业: 'company',
  企業: 'company',
  公司: 'company',
  person: 'person',
  individual: 'person',
  company: 'company',
  business: 'company',
};

export function parseBorrowerKindCell(cell: Cell): Parsed<ImportBorrowerKind> {
  const text = cellText(cell);
  const found = BORROWER_KIND_NAMES[text] ?? BORROWER_KIND_NAMES[text.toLowerCase()];
  return found ? ok(found) : bad('borrowerKind.unknown', { value: text });
}

export type ImportIdType = (typeof ID_TYPES)[number];

export const BORROWER_KIND_LABELS: Record<HeaderLanguage, Record<ImportBorrowerKind, string>> = {
  en: { person: 'person', company: 'company' },
  'zh-CN': { person: '个人', company: '企业' },
  'zh-TW': { person: '個人', company: '企業' },
};

export const ID_TYPE_LABELS: Record<HeaderLanguage, Record<ImportIdType, string>> = {
  en: {
    'resident-id': 'resident-id',
    passport: 'passport',
    'hk-macau-permit': 'hk-macau-permit',
    'taiwan-permit': 'taiwan-permit',
    'business-licence': 'business-licence',
    other: 'other',
  },
  'zh-CN': {
    'resident-id': '身份证',
    passport: '护照',
    'hk-macau-permit': '港澳通行证',
    'taiwan-permit': '台胞证',
    'business-licence': '营业执照',
    other: '其他',
  },
  'zh-TW': {
    'resident-id': '身分證',
    passport: '護照',
    'hk-macau-permit': '港澳通行證',
    'taiwan-permit': '台胞證',
    'business-licence': '營業執照',
    other: '其他',
  },
};

const ID_TYPE_NAMES: Record<string, ImportIdType> = {
  ...Object.fromEntries(
    Object.values(ID_TYPE_LABELS).flatMap((labels) =>
      Object.entries(labels).map(([type, label]) => [label.toLowerCase(), type as ImportIdType]),
    ),
  ),
  居民身份证: 'resident-id',
  身份證: 'resident-id',
  统一社会信用代码: 'business-licence',
  統一社會信用代碼: 'business-licence',
  'business licence': 'business-licence',
  'business license': 'business-licence',
  'resident id': 'resident-id',
};

export function parseIdTypeCell(cell: Cell): Parsed<ImportIdType> {
  const text = cellText(cell);
  const found = ID_TYPE_NAMES[text.toLowerCase()];
  return found ? ok(found) : bad('idType.unknown', { value: text });
}
