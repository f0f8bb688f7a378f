/**
 * The columns an imported loan book can have, in the lender's words, with the headers Chinese
 * and English spreadsheets use for them. Pure data: the renderer, the services and the CLI all
 * map headers with it.
 */
export const IMPORT_FIELDS = [
  'borrowerName',
  'idNumber',
  'phone',
  'address',
  'loanNumber',
  'principal',
  'annualRate',
  'annualRateFraction',
  'months',
  'startDate',
  'method',
  'product',
  'paymentDate',
  'paymentAmount',
  'paymentReference',
  'borrowerKind',
  'idType',
  'plate',
  'vin',
  'makeModel',
  'make',
  'model',
  'vehicleYear',
  'titleDeedNo',
  'collateralAddress',
  'appraisedValue',
  'appraisalDate',
  'penaltyDailyRate',
  'graceDays',
  'status',
  'statusDate',
  'upfrontFee',
  'officer',
  'collector',
  'guarantorName',
  'guarantorIdNumber',
  'guarantorPhone',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export type HeaderLanguage = 'en' | 'zh-CN' | 'zh-TW';

interface FieldSpec {
  /** The header written in templates and exports, per language. */
  label: Record<HeaderLanguage, string>;
  /** Other headers lenders use for the same column (compared after `normalizeHeader`). */
  aliases: string[];
}

export const FIELD_SPECS: Record<ImportField, FieldSpec> = {
  borrowerName: {
    label: { en: 'Borrower', 'zh-CN': '借款人', 'zh-TW': '借款人' },
    aliases: [
      '姓名',
      '客户名称',
      '客戶名稱',
      '借款人姓名',
      'name',
      'borrower name',
      'customer',
      'customer name',
    ],
  },
  idNumber: {
    label: { en: 'ID number', 'zh-CN': '身份证号', 'zh-TW': '身分證號' },
    aliases: [
      '证件号码',
      '證件號碼',
      '身份证号码',
      '身份證號',
      '身分證字號',
      'id no',
      'id',
      'id card',
      'national id',
    ],
  },
  phone: {
    label: { en: 'Phone', 'zh-CN': '手机', 'zh-TW': '手機' },
    aliases: ['电话', '電話', '手机号', '手机号码', '联系电话', '聯絡電話', 'mobile', 'telephone', 'tel'],
  },
  address: {
    label: { en: 'Address', 'zh-CN': '地址', 'zh-TW': '地址' },
    aliases: ['住址', '联系地址', '聯絡地址', 'borrower address', 'home address'],
  },
  loanNumber: {
    label: { en: 'Loan number', 'zh-CN': '合同编号', 'zh-TW': '合約編號' },
    aliases: [
      '贷款编号',
      '貸款編號',
      '合同編號',
      '合同号',
      '借款合同编号',
      'loan no',
      'loan id',
      'contract number',
      'contract no',
    ],
  },
  principal: {
    label: { en: 'Principal', 'zh-CN': '贷款金额', 'zh-TW': '貸款金額' },
    aliases: ['借款金额', '借款金額', '本金', '放款金额', '放款金額', 'loan amount', 'amount'],
  },
  annualRate: {
    label: { en: 'Annual rate (%)', 'zh-CN': '年利率(%)', 'zh-TW': '年利率(%)' },
    aliases: ['年利率', '利率', '利率(%)', 'annual rate', 'rate', 'rate (%)', 'interest rate'],
  },
  annualRateFraction: {
    label: { en: 'Annual rate (decimal)', 'zh-CN': '年利率(小数)', 'zh-TW': '年利率(小數)' },
    aliases: ['利率(小数)', '利率(小數)', 'annual rate (fraction)', 'rate (decimal)'],
  },
  months: {
    label: { en: 'Months', 'zh-CN': '期限(月)', 'zh-TW': '期限(月)' },
    aliases: [
      '期限',
      '期数',
      '期數',
      '贷款期限(月)',
      '貸款期限(月)',
      '贷款期限',
      'term',
      'term (months)',
      'tenor',
    ],
  },
  startDate: {
    label: { en: 'Start date', 'zh-CN': '放款日期', 'zh-TW': '放款日期' },
    aliases: ['起息日', '放款日', '借款日期', 'disbursement date', 'disbursed', 'loan date'],
  },
  method: {
    label: { en: 'Repayment method', 'zh-CN': '还款方式', 'zh-TW': '還款方式' },
    aliases: ['method', 'repayment type'],
  },
  product: {
    label: { en: 'Product', 'zh-CN': '产品', 'zh-TW': '產品' },
    aliases: ['贷款类型', '貸款類型', '贷款产品', 'loan type', 'type'],
  },
  paymentDate: {
    label: { en: 'Payment date', 'zh-CN': '还款日期', 'zh-TW': '還款日期' },
    aliases: ['实还日期', '收款日期', 'paid on', 'date paid', 'repayment date'],
  },
  paymentAmount: {
    label: { en: 'Payment amount', 'zh-CN': '还款金额', 'zh-TW': '還款金額' },
    aliases: ['实还金额', '收款金额', 'amount paid', 'repayment amount'],
  },
  paymentReference: {
    label: { en: 'Payment reference', 'zh-CN': '还款备注', 'zh-TW': '還款備註' },
    aliases: ['流水号', '流水號', '交易流水号', 'reference', 'transaction reference'],
  },
  borrowerKind: {
    label: { en: 'Borrower type', 'zh-CN': '借款人类型', 'zh-TW': '借款人類型' },
    aliases: ['客户类型', '客戶類型', 'borrower kind', 'customer type'],
  },
  idType: {
    label: { en: 'ID type', 'zh-CN': '证件类型', 'zh-TW': '證件類型' },
    aliases: ['证件种类', '證件種類', 'id kind', 'document type'],
  },
  plate: {
    label: { en: 'Plate', 'zh-CN': '车牌号', 'zh-TW': '車牌號' },
    aliases: [
      '车牌',
      '車牌',
      '车牌号码',
      '車牌號碼',
      'plate number',
      'plate no',
      'licence plate',
      'license plate',
    ],
  },
  vin: {
    label: { en: 'VIN', 'zh-CN': '车架号', 'zh-TW': '車架號' },
    aliases: ['车架号/VIN', '車架號/VIN', '车辆识别代号', '車輛識別號碼', 'chassis number', 'vin number'],
  },
  makeModel: {
    label: { en: 'Make and model', 'zh-CN': '品牌型号', 'zh-TW': '品牌型號' },
    aliases: ['车型', '車型', 'make/model', 'make & model', 'vehicle'],
  },
  make: {
    label: { en: 'Make', 'zh-CN': '品牌', 'zh-TW': '品牌' },
    aliases: ['车辆品牌', '車輛品牌', 'brand'],
  },
  model: {
    label: { en: 'Model', 'zh-CN': '型号', 'zh-TW': '型號' },
    aliases: ['车辆型号', '車輛型號'],
  },
  vehicleYear: {
    label: { en: 'Vehicle year', 'zh-CN': '车辆年份', 'zh-TW': '車輛年份' },
    aliases: ['年份', '年款', 'year', 'model year'],
  },
  titleDeedNo: {
    label: { en: 'Title deed number', 'zh-CN': '不动产权证号', 'zh-TW': '不動產權證號' },
    aliases: [
      '房产证号',
      '房產證號',
      '房产证号/不动产权证号',
      '不动产权证号/房产证号',
      'title deed no',
      'title deed',
      'title certificate no',
    ],
  },
  collateralAddress: {
    label: { en: 'Collateral address', 'zh-CN': '抵押物地址', 'zh-TW': '抵押物地址' },
    aliases: ['房产地址', '房產地址', '房屋坐落', 'property address'],
  },
  appraisedValue: {
    label: { en: 'Appraised value', 'zh-CN': '评估价值', 'zh-TW': '評估價值' },
    aliases: ['评估价', '評估價', '评估金额', '評估金額', 'appraisal', 'appraisal value', 'appraised'],
  },
  appraisalDate: {
    label: { en: 'Appraisal date', 'zh-CN': '评估日期', 'zh-TW': '評估日期' },
    aliases: ['评估时间', '評估時間', 'appraised on', 'valuation date'],
  },
  penaltyDailyRate: {
    label: { en: 'Penalty rate (% a day)', 'zh-CN': '罚息日利率(%)', 'zh-TW': '罰息日利率(%)' },
    aliases: ['罚息利率', '罰息利率', '逾期日利率', 'penalty rate', 'penalty daily rate'],
  },
  graceDays: {
    label: { en: 'Grace days', 'zh-CN': '宽限期(天)', 'zh-TW': '寬限期(天)' },
    aliases: ['宽限期', '寬限期', '宽限天数', '寬限天數', 'grace period', 'grace'],
  },
  status: {
    label: { en: 'Status', 'zh-CN': '状态', 'zh-TW': '狀態' },
    aliases: ['贷款状态', '貸款狀態', '合同状态', '合約狀態', 'loan status'],
  },
  statusDate: {
    label: { en: 'Status date', 'zh-CN': '状态日期', 'zh-TW': '狀態日期' },
    aliases: ['状态变更日期', '狀態變更日期', '结清日期', '結清日期', '核销日期', '核銷日期', 'status since'],
  },
  upfrontFee: {
    label: { en: 'Up-front fee', 'zh-CN': '手续费', 'zh-TW': '手續費' },
    aliases: ['服务费', '服務費', '手续费(元)', '服务费(元)', 'fee', 'upfront fee', 'service fee'],
  },
  officer: {
    label: { en: 'Loan officer', 'zh-CN': '客户经理', 'zh-TW': '客戶經理' },
    aliases: ['业务员', '業務員', '信贷员', '信貸員', 'officer', 'account manager'],
  },
  collector: {
    label: { en: 'Collector', 'zh-CN': '催收员', 'zh-TW': '催收員' },
    aliases: ['催收人', '催收人员', '催收人員', 'collections officer'],
  },
  guarantorName: {
    label: { en: 'Guarantor', 'zh-CN': '担保人', 'zh-TW': '擔保人' },
    aliases: ['担保人姓名', '擔保人姓名', '保证人', '保證人', 'guarantor name'],
  },
  guarantorIdNumber: {
    label: { en: 'Guarantor ID number', 'zh-CN': '担保人身份证号', 'zh-TW': '擔保人身分證號' },
    aliases: ['担保人证件号码', '擔保人證件號碼', '担保人身份证', '擔保人身份證號', 'guarantor id'],
  },
  guarantorPhone: {
    label: { en: 'Guarantor phone', 'zh-CN': '担保人电话', 'zh-TW': '擔保人電話' },
    aliases: ['担保人手机', '擔保人手機', '担保人联系电话', '擔保人聯絡電話', 'guarantor mobile'],
  },
  notes: {
    label: { en: 'Notes', 'zh-CN': '备注', 'zh-TW': '備註' },
    aliases: ['说明', '說明', 'note', 'remarks', 'memo'],
  },
};

/** Columns that describe a pledged car or property; a row with any of them filled carries collateral. */
export const VEHICLE_FIELDS = ['plate', 'vin', 'makeModel', 'make', 'model', 'vehicleYear'] as const;
export const PROPERTY_FIELDS = ['titleDeedNo', 'collateralAddress'] as const;
export const COLLATERAL_FIELDS: readonly ImportField[] = [
  ...VEHICLE_FIELDS,
  ...PROPERTY_FIELDS,
  'appraisedValue',
  'appraisalDate',
];

/** Case, spaces and full-width punctuation do not matter: "年利率（%）" is "年利率(%)". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const HEADER_INDEX: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const spec = FIELD_SPECS[field];
    for (const h of [...Object.values(spec.label), ...spec.aliases, field]) {
      index.set(normalizeHeader(h), field);
    }
  }
  return index;
})();

/** The field a header names, trying it whole and then without a trailing "(…)" unit. */
export function fieldForHeader(header: string): ImportField | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  return HEADER_INDEX.get(h) ?? HEADER_INDEX.get(h.replace(/\([^)]*\)$/, '')) ?? null;
}

/**
 * A problem's column in the reader's language. A column the sheet lacks is named by its field's
 * English label (the service words problems without knowing the reader), so it is given the
 * label of the reader's language here; a header the sheet has is the lender's own and stays.
 */
export function columnInLanguage(column: string, language: HeaderLanguage): string {
  const field = ENGLISH_LABELS.get(column);
  return field ? FIELD_SPECS[field].label[language] : column;
}

const ENGLISH_LABELS = new Map(IMPORT_FIELDS.map((f) => [FIELD_SPECS[f].label.en, f] as const));

/** A problem worded for the reader: its column, and the column named inside its parameters. */
export function problemInLanguage<P extends { column: string; params: Record<string, unknown> }>(
  problem: P,
  language: HeaderLanguage,
): P {
  const named = problem.params.column;
  return {
    ...problem,
    column: columnInLanguage(problem.column, language),
    params:
      typeof named === 'string'
        ? { ...problem.params, column: columnInLanguage(named, language) }
        : problem.params,
  };
}

/**
 * A saved column mapping: header text → field, or null to ignore the column. Entries win over
 * the built-in dictionary, so a lender's own "放款金额(元)" can be taught once.
 */
export type ColumnMapping = Record<string, ImportField | null>;

export function mapHeaders(headers: readonly string[], mapping: ColumnMapping = {}): (ImportField | null)[] {
  const own = new Map(Object.entries(mapping).map(([h, f]) => [normalizeHeader(h), f]));
  return headers.map((h) => {
    const key = normalizeHeader(h);
    return own.has(key) ? (own.get(key) ?? null) : fieldForHeader(h);
  });
}
