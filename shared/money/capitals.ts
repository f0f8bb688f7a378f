/**
 * Amounts in Chinese financial capitals (大写金额), as receipts, loan agreements and cheques write
 * them beside the figures so a digit cannot be altered: 150000000 分 → 人民币壹佰伍拾万元整.
 *
 * The rules are those of the PBOC's 支付结算办法 (正确填写票据和结算凭证的基本规定):
 * - 壹拾 is always written with its 壹, never a bare 拾;
 * - a run of zeros inside the figure is read as one 零, and zeros at the end of a 万/亿 group
 *   are silent (壹拾万零壹拾元, 壹亿零壹元);
 * - 整 follows an amount that ends at 元; after 角 it may be left out, and we leave it out; never
 *   after 分;
 * - 元 with no 角 but with 分 takes a 零 (壹佰元零伍分); an amount under one 元 starts at its
 *   角 or 分 (伍分).
 * Traditional Chinese documents use the same rules with traditional characters (壹萬貳仟參佰).
 */
import type { Minor } from './amount';

export type ChineseScript = 'simplified' | 'traditional';

interface Characters {
  digits: readonly string[];
  /** 拾, 佰, 仟 for the tens, hundreds and thousands inside a group of four digits. */
  places: readonly string[];
  /** '', 万, 亿, 万亿: each group of four digits, from the right. */
  groups: readonly string[];
  yuan: string;
  jiao: string;
  fen: string;
  whole: string;
  minus: string;
}

const CHARACTERS: Record<ChineseScript, Characters> = {
  simplified: {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    places: ['', '拾', '佰', '仟'],
    groups: ['', '万', '亿', '万亿'],
    yuan: '元',
    jiao: '角',
    fen: '分',
    whole: '整',
    minus: '负',
  },
  traditional: {
    digits: ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
    places: ['', '拾', '佰', '仟'],
    groups: ['', '萬', '億', '萬億'],
    yuan: '元',
    jiao: '角',
    fen: '分',
    whole: '整',
    minus: '負',
  },
};

/** The currency's name as Chinese documents print it before the capitals; unknown ones by code. */
const CURRENCY_NAMES: Record<string, Record<ChineseScript, string>> = {
  CNY: { simplified: '人民币', traditional: '人民幣' },
  TWD: { simplified: '新台币', traditional: '新臺幣' },
  HKD: { simplified: '港币', traditional: '港幣' },
  MOP: { simplified: '澳门币', traditional: '澳門幣' },
  USD: { simplified: '美元', traditional: '美元' },
};

export function currencyNameInChinese(currency: string, script: ChineseScript): string {
  return CURRENCY_NAMES[currency]?.[script] ?? currency;
}

/** One group of up to four digits (1–9999), without its leading zeros. */
function groupInCapitals(group: number, c: Characters): string {
  let text = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += c.digits[0];
    pendingZero = false;
    text += c.digits[digit]! + c.places[place]!;
  }
  return text;
}

/** A whole number of 元 (≥ 1) in capitals, groups of four digits joined by the zero rules. */
function yuanInCapitals(yuan: bigint, c: Characters): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n));
  if (groups.length > c.groups.length) throw new RangeError(`${yuan} 元 is too large to write in capitals`);
  let text = '';
  let skippedZeros = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) {
      skippedZeros = text !== '';
      continue;
    }
    // A zero between two written groups (壹亿零壹元) or before a group under 1000 (壹拾万零壹拾元).
    if (text !== '' && (skippedZeros || group < 1000)) text += c.digits[0];
    skippedZeros = false;
    text += groupInCapitals(group, c) + c.groups[i]!;
  }
  return text;
}

/**
 * The amount in capitals with its currency's name: 10000050 分, CNY → 人民币壹拾万元零伍角… .
 * Pass `currency: null` for the capitals alone.
 */
export function amountInCapitals(
  minor: Minor,
  options: { currency: string | null; script?: ChineseScript },
): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not an integer amount of minor units`);
  const c = CHARACTERS[options.script ?? 'simplified'];
  const prefix =
    options.currency === null ? '' : currencyNameInChinese(options.currency, options.script ?? 'simplified');
  const sign = minor < 0 ? c.minus : '';
  const abs = BigInt(Math.abs(minor));
  const yuan = abs / 100n;
  const jiao = Number((abs / 10n) % 10n);
  const fen = Number(abs % 10n);

  let text = '';
  if (yuan > 0n) text += yuanInCapitals(yuan, c) + c.yuan;
  if (jiao > 0) text += c.digits[jiao]! + c.jiao;
  else if (fen > 0 && yuan > 0n) text += c.digits[0];
  if (fen > 0) text += c.digits[fen]! + c.fen;
  if (text === '') text = c.digits[0] + c.yuan + c.whole;
  else if (jiao === 0 && fen === 0) text += c.whole;
  return prefix + sign + text;
}
