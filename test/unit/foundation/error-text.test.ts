import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18N_OPTIONS, resources } from '../../../shared/i18n/resources';
import { formatDate, formatMoney, formatPercent } from '../../../shared/format/format';
import { wordRefusal } from '../../../shared/i18n/error-words';

/** The screen words a refusal from its code, the figures formatted the way the locale writes them. */
describe('wordRefusal', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ ...I18N_OPTIONS, ns: [...I18N_OPTIONS.ns], resources, lng: 'zh-CN' });
  });
  const fmt = {
    money: (minor: number) => formatMoney(minor, 'CNY', 'zh-CN'),
    date: (iso: string) => formatDate(iso, 'zh-CN'),
    percent: (ratio: number) => formatPercent(ratio, 'zh-CN'),
  };

  it('writes an overpayment with yuan amounts and a Chinese date', () => {
    const text = wordRefusal(
      'payment.aboveDue',
      { amount: 50_000_000, payoff: 9_169_600, date: '2026-06-15' },
      'english',
      i18n.t,
      fmt,
    );
    expect(text).toBe('金额 ¥500,000.00 超过 2026/06/15 的结清金额 ¥91,696.00。');
  });

  it('names a loan status in Chinese', () => {
    const text = wordRefusal(
      'payment.loanClosed',
      { number: 'PB-1', status: 'closed' },
      'english',
      i18n.t,
      fmt,
    );
    expect(text).toBe('贷款 PB-1 当前状态为 已结清，不接受还款。');
  });

  it('falls back to the English text only for an error without a known code', () => {
    expect(wordRefusal('no.such', {}, 'the English', i18n.t, fmt)).toBe('the English');
  });
});
