/**
 * Why an imported row was rejected, as a code with parameters. The screen translates the code;
 * the CLI prints the English sentence, which is built here from the same template so the two
 * never drift. Templates use i18next's {{name}} placeholders.
 */
export const REJECTION_TEXT_EN = {
  'cell.required': '{{column}} is required',
  'text.tooLong': 'is longer than {{max}} characters',
  'value.invalid': '{{detail}}',
  'date.invalid': '"{{value}}" is not a date; write it like 2026-01-05, 2026/1/5 or 2026年1月5日',
  'date.notReal': '"{{value}}" is not a real calendar date',
  'date.notSerial': '{{value}} is not an Excel date serial number',
  'date.fakeLeapDay': 'Excel serial 60 is 1900-02-29, a date that never existed',
  'amount.invalid': '"{{value}}" is not an amount',
  'amount.negative': '"{{value}}" is negative',
  'amount.decimals': '"{{value}}" has more than 2 decimals',
  'amount.tooLarge': '"{{value}}" is too large',
  'amount.zero': 'must be greater than zero',
  'rate.invalid': '"{{value}}" is not a yearly percentage such as 12, 12% or 8.5',
  'months.invalid': '"{{value}}" is not a whole number of months',
  'months.range': '{{value}} months is outside 1 to 600',
  'days.invalid': '"{{value}}" is not a whole number of days from 0 to 90',
  'year.invalid': '"{{value}}" is not a year from 1950 to 2100',
  'method.unknown': '"{{value}}" is not a repayment method (等额本息, 等额本金, 先息后本, 到期一次还本付息)',
  'product.unknown': '"{{value}}" is not a product (房产抵押 or 车辆抵押)',
  'status.unknown': '"{{value}}" is not a status (正常, 逾期, 结清, 核销, 诉讼, 重组, 展期)',
  'status.closedButOwing':
    'the sheet says closed, but its payments leave {{payoff}} owing; add the missing payments',
  'status.notOpen': 'the loan is {{status}} by its payments, so it cannot take this status',
  'guarantor.needsId': 'a guarantor needs an ID number',
  'guarantor.isBorrower': 'the borrower cannot also be the guarantor of the same loan',
  'borrowerKind.unknown': '"{{value}}" is not a borrower type (个人 or 企业)',
  'idType.unknown': '"{{value}}" is not an ID type (身份证, 护照, 港澳通行证, 台胞证, 营业执照, 其他)',
  'borrower.otherName': 'ID {{idNumber}} is {{name}} in {{sheet}} row {{row}}',
  'borrower.notInFile': 'no borrower with ID {{idNumber}} in the borrowers sheet',
  'loan.repeated': 'loan {{number}} already appears in {{sheet}} row {{row}}',
  'loan.startAfterToday': 'the disbursement date {{date}} is after today ({{today}})',
  'loan.hasPayments': 'loan {{number}} already has payments in Pledgebook, so it cannot be updated',
  'loan.unknown': 'there is no loan {{number}} in this file or in the book',
  'payment.afterToday': 'a payment cannot be dated after today ({{today}})',
  'payment.refused': '{{detail}}',
  'payment.abovePayoff':
    '{{amount}} is {{excess}} more than the payoff on {{date}} ({{payoff}}), as the payment screen would refuse it',
  'payment.nothingToReverse':
    'reversal (imported): no payment of {{amount}} on or before {{date}} to reverse for this loan',
  'collateral.bothKinds': 'has both vehicle and property columns filled; put each item on its own row',
  'collateral.carNeedsVehicle':
    'loan {{number}} is a car-title loan; its collateral is a vehicle (plate, VIN)',
  'collateral.mortgageNeedsProperty':
    'loan {{number}} is a mortgage; its collateral is a property (title deed number, address)',
  'collateral.refused': '{{detail}}',
  'vin.invalid': 'the VIN {{detail}}',
  'vin.repeated': 'VIN {{vin}} already appears in {{sheet}} row {{row}}',
  'vin.taken': 'VIN {{vin}} is already recorded on another active item',
  'warn.idNumber':
    'ID {{value}} is not a mainland resident ID (18 characters with a valid check digit, or 15 digits)',
  'warn.mobile': '{{value}} is not a mainland mobile number (11 digits starting with 1)',
  'warn.rate': 'the annual rate {{rate}}% is above the {{ceiling}}% ceiling set in Settings',
  'warn.appraisalOld': 'the appraisal of {{date}} is more than 12 months old',
  'warn.vinCheckDigit': 'the VIN {{vin}} has a wrong check digit (its 9th character); check it',
  'warn.paymentBeforeDisbursement':
    'the payment date {{date}} is before the disbursement date {{startDate}}; check it',
  'appraisal.afterToday': 'an appraisal cannot be dated after today ({{today}})',
  'appraisal.needsDate': 'an appraised value needs its appraisal date',
  'appraisal.needsValue': 'an appraisal date needs its appraised value',
} as const;

export type RejectionCode = keyof typeof REJECTION_TEXT_EN;
export const REJECTION_CODES = Object.keys(REJECTION_TEXT_EN) as RejectionCode[];
export type RejectionParams = Record<string, string | number>;

export interface Rejection {
  code: RejectionCode;
  params: RejectionParams;
  /** The English sentence, for the CLI's JSON and the log. */
  reason: string;
}

/** Fills {{name}} placeholders; a missing parameter stays visible rather than vanishing. */
export function fillTemplate(template: string, params: RejectionParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A code as one i18next key segment: "date.invalid" → "date_invalid" (a dot would nest). */
type KeyOf<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${KeyOf<B>}` : S;
export type RejectionKey = KeyOf<RejectionCode>;
export const rejectionKey = (code: RejectionCode) => code.replace(/\./g, '_') as RejectionKey;

/** The English templates under their i18next keys, for the screen's English catalogue. */
export const REJECTION_TEXT_EN_BY_KEY = Object.fromEntries(
  REJECTION_CODES.map((code) => [rejectionKey(code), REJECTION_TEXT_EN[code]]),
) as Record<RejectionKey, string>;

/**
 * The service's own code behind a `{{detail}}`, carried as two plain parameters so a problem's
 * parameters stay flat: the screen and the annotated copy word the detail from it in the reader's
 * language, and the English `detail` stays for the CLI and the log.
 */
export function detailCoded(coded: {
  reason: string;
  params: Record<string, string | number>;
}): RejectionParams {
  return { detailReason: coded.reason, detailFigures: JSON.stringify(coded.params) };
}

/** The code and figures `detailCoded` carried, if the problem has them. */
export function detailCodeOf(
  params: RejectionParams,
): { reason: string; params: Record<string, string | number> } | null {
  const reason = params.detailReason;
  if (typeof reason !== 'string') return null;
  try {
    return {
      reason,
      params: JSON.parse(String(params.detailFigures ?? '{}')) as Record<string, string | number>,
    };
  } catch {
    return { reason, params: {} };
  }
}

export function rejection(code: RejectionCode, params: RejectionParams = {}): Rejection {
  return { code, params, reason: fillTemplate(REJECTION_TEXT_EN[code], params) };
}
