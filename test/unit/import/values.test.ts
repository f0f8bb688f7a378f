import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  parseAmountCell,
  parseDateCell,
  parseMethodCell,
  parseMonthsCell,
  parseProductCell,
  parseRateCell,
  shiftDecimal,
  type Parsed,
} from '../../../shared/import/values';

const valueOf = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(`expected a value, got: ${p.reason}`);
  return p.value;
};
const reasonOf = <T>(p: Parsed<T>): string => {
  if (p.ok) throw new Error(`expected a rejection, got ${String(p.value)}`);
  return p.reason;
};

describe('dates', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['2026-01-05 00:00:00', '2026-01-05'],
    ['2024/2/29', '2024-02-29'],
  ])('reads %s', (text, iso) => {
    expect(valueOf(parseDateCell(text))).toBe(iso);
  });

  it('reads Excel serial numbers, as numbers or as text, ignoring a time of day', () => {
    expect(valueOf(parseDateCell(46027))).toBe('2026-01-05');
    expect(valueOf(parseDateCell('46027'))).toBe('2026-01-05');
    expect(valueOf(parseDateCell(46027.75))).toBe('2026-01-05');
    expect(valueOf(parseDateCell(25569))).toBe('1970-01-01');
  });

  it("steps over Excel's phantom 1900-02-29 (serial 60)", () => {
    expect(valueOf(excelSerialToIso(1))).toBe('1900-01-01');
    expect(valueOf(excelSerialToIso(59))).toBe('1900-02-28');
    expect(reasonOf(excelSerialToIso(60))).toMatch(/1900-02-29/);
    expect(valueOf(excelSerialToIso(61))).toBe('1900-03-01');
    expect(reasonOf(excelSerialToIso(0))).toMatch(/not an Excel date/);
  });

  it('rejects dates that do not exist and text that is no date, saying why', () => {
    expect(reasonOf(parseDateCell('2026-02-30'))).toMatch(/not a real calendar date/);
    expect(reasonOf(parseDateCell('2025年2月29日'))).toMatch(/not a real calendar date/);
    expect(reasonOf(parseDateCell('yesterday'))).toMatch(/not a date/);
    expect(reasonOf(parseDateCell('05/01/2026'))).toMatch(/not a date/);
    expect(parseDateCell('')).toMatchObject({ ok: false, code: 'date.invalid', params: { value: '' } });
  });
});

describe('amounts', () => {
  it.each([
    ['100000', 10_000_000],
    ['100,000.00', 10_000_000],
    ['1,234,567.89', 123_456_789],
    ['¥12,000', 1_200_000],
    ['￥12000元', 1_200_000],
    ['12.5万', 12_500_000],
    ['3万', 3_000_000],
    ['1.23456万', 1_234_560],
    ['0.5', 50],
  ])('reads %s exactly', (text, minor) => {
    expect(valueOf(parseAmountCell(text))).toBe(minor);
  });

  it('reads spreadsheet numbers through their decimal text', () => {
    expect(valueOf(parseAmountCell(5330.93))).toBe(533_093);
    expect(valueOf(parseAmountCell(50000.5))).toBe(5_000_050);
  });

  it.each([
    ['一万', /not an amount/],
    ['12,34', /not an amount/],
    ['100.123', /more than 2 decimals/],
    ['1.2345678万', /more than 2 decimals/],
    ['-500', /negative/],
    ['99999999999999999', /too large/],
    ['', /is not an amount/],
  ])('rejects %s', (text, reason) => {
    expect(reasonOf(parseAmountCell(text))).toMatch(reason);
  });

  it('moves decimal points on digits, never through floating point', () => {
    expect(shiftDecimal('0.12', 2)).toBe('12');
    expect(shiftDecimal('0.095', 2)).toBe('9.5');
    expect(shiftDecimal('12.5', 4)).toBe('125000');
    expect(shiftDecimal('0.07', 2)).toBe('7');
    expect(shiftDecimal('5', 0)).toBe('5');
  });
});

describe('rates', () => {
  it('reads 12, "12%" and, in a fraction column, 0.12 as twelve percent', () => {
    expect(valueOf(parseRateCell(12))).toBe('12');
    expect(valueOf(parseRateCell('12%'))).toBe('12');
    expect(valueOf(parseRateCell('12 ％'))).toBe('12');
    expect(valueOf(parseRateCell(0.12, true))).toBe('12');
    expect(valueOf(parseRateCell('0.095', true))).toBe('9.5');
    expect(valueOf(parseRateCell('9.5%', true))).toBe('9.5');
  });

  it('keeps 0.12 as 0.12% where the column holds percentages', () => {
    expect(valueOf(parseRateCell('0.12'))).toBe('0.12');
    expect(valueOf(parseRateCell('8.5'))).toBe('8.5');
  });

  it('rejects text, negatives and over-precise rates', () => {
    expect(reasonOf(parseRateCell('twelve'))).toMatch(/"twelve" is not a yearly percentage/);
    expect(parseRateCell('-1')).toMatchObject({ code: 'rate.invalid', params: { value: '-1' } });
    expect(reasonOf(parseRateCell('1000'))).toMatch(/not a yearly percentage/);
    expect(reasonOf(parseRateCell('1.12345678'))).toMatch(/not a yearly percentage/);
  });
});

describe('months, methods and products', () => {
  it('reads terms written with units', () => {
    expect(valueOf(parseMonthsCell('36期'))).toBe(36);
    expect(valueOf(parseMonthsCell('24个月'))).toBe(24);
    expect(valueOf(parseMonthsCell(12))).toBe(12);
    expect(reasonOf(parseMonthsCell(0))).toMatch(/outside 1 to 600/);
    expect(reasonOf(parseMonthsCell('十二'))).toMatch(/whole number of months/);
    expect(reasonOf(parseMonthsCell('12.5'))).toMatch(/whole number of months/);
  });

  it('knows the four Chinese repayment methods and the English names', () => {
    expect(valueOf(parseMethodCell('等额本息'))).toBe('annuity');
    expect(valueOf(parseMethodCell('等额本金'))).toBe('equal-principal');
    expect(valueOf(parseMethodCell('先息后本'))).toBe('interest-only');
    expect(valueOf(parseMethodCell('到期一次还本付息'))).toBe('bullet');
    expect(valueOf(parseMethodCell('Interest only'))).toBe('interest-only');
    expect(reasonOf(parseMethodCell('随便还'))).toMatch(/not a repayment method/);
  });

  it('knows the products', () => {
    expect(valueOf(parseProductCell('房产抵押'))).toBe('mortgage');
    expect(valueOf(parseProductCell('车辆抵押'))).toBe('car-title');
    expect(valueOf(parseProductCell('Car title'))).toBe('car-title');
    expect(reasonOf(parseProductCell('船舶抵押'))).toMatch(/not a product/);
  });
});
