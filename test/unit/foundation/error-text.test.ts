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

  it('words the rules a blocked contact breaks and how a loan moved on, not their English', () => {
    const blocked = wordRefusal(
      'contact.blocked',
      { profile: 'china', violations: 'Third-party references may be contacted only after…' },
      'english',
      i18n.t,
      fmt,
      { violations: [{ rule: 'third-party', message: 'english', params: {} }] },
    );
    expect(blocked).toContain(i18n.t('collections.rules.third-party'));
    expect(blocked).toContain('被 中国 联系规则阻止');
    expect(blocked).not.toMatch(/[A-Za-z]{3,}/);
    const changed = wordRefusal(
      'approval.loanChanged',
      { id: 7, changes: 'its status went from active to legal; a payment was posted or reversed' },
      'english',
      i18n.t,
      fmt,
      { changes: [{ change: 'status', from: 'active', to: 'legal' }, { change: 'payment' }] },
    );
    expect(changed).toContain('状态由正常履约变为法律程序；有还款入账或被冲正');
    expect(changed).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("words statuses that are not a loan's from their own resources", () => {
    expect(wordRefusal('plan.notProposed', { id: 3, status: 'active' }, 'english', i18n.t, fmt)).toContain(
      '执行中',
    );
    expect(wordRefusal('item.notActive', { id: 4, status: 'sold' }, 'english', i18n.t, fmt)).toContain(
      '已变卖',
    );
    expect(
      wordRefusal('repossession.wrongStep', { id: 5, next: 'listed', step: 'sold' }, 'english', i18n.t, fmt),
    ).toBe('处置 #5 的下一步是“3 挂牌出售”，而不是“4 已售出”。');
  });

  it('falls back to the English text only for an error without a known code', () => {
    expect(wordRefusal('no.such', {}, 'the English', i18n.t, fmt)).toBe('the English');
  });
});
