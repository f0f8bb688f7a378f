import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInCapitals } from '../../../shared/money/capitals';
import { parseAmount } from '../../../shared/money/amount';

describe('amountInCapitals', () => {
  it.each([
    ['0.05', '人民币伍分'],
    ['0.50', '人民币伍角'],
    ['0.00', '人民币零元整'],
    ['10.00', '人民币壹拾元整'],
    ['15.00', '人民币壹拾伍元整'],
    ['100.05', '人民币壹佰元零伍分'],
    ['1680.32', '人民币壹仟陆佰捌拾元叁角贰分'],
    ['100010.50', '人民币壹拾万零壹拾元伍角'],
    ['150000.00', '人民币壹拾伍万元整'],
    ['1000000.00', '人民币壹佰万元整'],
    ['10010000.00', '人民币壹仟零壹万元整'],
    ['100000001.00', '人民币壹亿零壹元整'],
    ['100000100.00', '人民币壹亿零壹佰元整'],
    ['101000000.00', '人民币壹亿零壹佰万元整'],
    ['1000100000.00', '人民币壹拾亿零壹拾万元整'],
    ['999999999999.99', '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%s → %s', (amount, capitals) => {
    expect(amountInCapitals(parseAmount(amount), { currency: 'CNY' })).toBe(capitals);
  });

  it('writes traditional characters and the currency by its Taiwan name', () => {
    expect(amountInCapitals(parseAmount('123456.70'), { currency: 'TWD', script: 'traditional' })).toBe(
      '新臺幣壹拾貳萬參仟肆佰伍拾陸元柒角',
    );
    expect(amountInCapitals(parseAmount('150000'), { currency: 'CNY', script: 'traditional' })).toBe(
      '人民幣壹拾伍萬元整',
    );
  });

  it('leaves the currency out when asked, and marks a negative amount', () => {
    expect(amountInCapitals(parseAmount('10'), { currency: null })).toBe('壹拾元整');
    expect(amountInCapitals(parseAmount('-10'), { currency: null })).toBe('负壹拾元整');
  });

  it('refuses what is not an integer amount of minor units', () => {
    expect(() => amountInCapitals(0.5, { currency: 'CNY' })).toThrow(RangeError);
  });

  // An independent reader of capitals: if writing and reading agree on every amount, no digit,
  // place or group can be dropped or doubled by the zero rules.
  const DIGITS = '零壹贰叁肆伍陆柒捌玖';
  function readCapitals(text: string): number {
    let yuan = 0n;
    let group = 0n;
    let digit = 0n;
    let minor = 0n;
    for (const ch of text.replace(/^人民币/, '').replace(/整$/, '')) {
      const d = DIGITS.indexOf(ch);
      if (d >= 0) digit = BigInt(d);
      else if (ch === '拾' || ch === '佰' || ch === '仟') {
        group += digit * { 拾: 10n, 佰: 100n, 仟: 1000n }[ch];
        digit = 0n;
      } else if (ch === '万') {
        yuan += (group + digit) * 10000n;
        group = digit = 0n;
      } else if (ch === '亿') {
        yuan = (yuan + group + digit) * 100000000n;
        group = digit = 0n;
      } else if (ch === '元') {
        yuan += group + digit;
        group = digit = 0n;
      } else if (ch === '角') {
        minor += digit * 10n;
        digit = 0n;
      } else if (ch === '分') {
        minor += digit;
        digit = 0n;
      } else throw new Error(`unexpected ${ch} in ${text}`);
    }
    return Number(yuan * 100n + minor);
  }

  it('reads back as the same amount, for any amount from 0.01 up to 999,999,999,999.99', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999_999 }), (minor) => {
        const text = amountInCapitals(minor, { currency: 'CNY' });
        expect(readCapitals(text)).toBe(minor);
        expect(text).not.toMatch(/零零|零[元万亿]|^人民币零(?!元整)/);
      }),
      { numRuns: 5000 },
    );
  });
});
