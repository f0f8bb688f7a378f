import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

/** Today 2026-06-15; a 60,000 car-title loan first due 2026-04-10, nothing paid: 66 DPD. */
describe('collections letters', () => {
  let app: TestApp;
  let loanId: number;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    await app.call('settings.update', { companyName: '安信典当' });
    const borrower = await app.call('borrowers.create', WANG_FANG);
    loanId = (
      await app.call('loans.create', {
        borrowerId: borrower.id,
        product: 'car-title',
        terms: {
          method: 'annuity',
          principal: 6_000_000,
          annualRatePercent: '12',
          months: 12,
          startDate: '2026-03-10',
        },
      })
    ).id;
  });
  afterEach(async () => app.dispose());

  it('merges a demand letter (催收函) with the engine’s figures and a masked ID, in each language', async () => {
    const loan = await app.call('loans.get', { id: loanId });
    const s = loan.statement;
    const overdue = s.overdue.principal + s.overdue.interest + s.overdue.penalty;
    // As a Chinese reader writes it: ¥ and thousands separators, not "57751.37 CNY".
    const yuan = String(Math.floor(overdue / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
    const amount = `¥${yuan}.${String(overdue % 100).padStart(2, '0')}`;
    const zh = await app.call('collections.letter', { loanId, kind: 'demand', locale: 'zh-CN' });
    expect(zh.subject).toBe(`催收函 – 贷款 ${loan.number}`);
    expect(zh.body).toContain(`王芳（证件号码 110***********1234）`);
    expect(zh.body).toContain(`有 ${amount} 未还，截至2026年6月15日已逾期 66 天`);
    expect(zh.body).toContain('要求您于2026年6月22日前偿还逾期款项');
    expect(zh.body).not.toContain('110101199003071234');
    expect(zh.body).not.toMatch(/\{\{/);
    const en = await app.call('collections.letter', { loanId, kind: 'final-notice', locale: 'en' });
    expect(en.body).toContain('by 29 June 2026');
    const tw = await app.call('collections.letter', { loanId, kind: 'reminder', locale: 'zh-TW' });
    expect(tw.subject).toBe(`還款提醒 – 貸款 ${loan.number}`);
  });

  it('logs a printed letter as a contact on the loan', async () => {
    const { id } = await app.call('collections.logLetter', { loanId, kind: 'reminder', locale: 'en' });
    const account = await app.call('collections.account', { loanId });
    expect(account.contacts.map((c) => [c.id, c.channel, c.outcome])).toEqual([
      [id, 'letter', 'letter-sent'],
    ]);
    expect(account.contacts[0]?.notes).toContain('Payment reminder – loan');
  });

  it('uses an edited template and refuses an unknown merge field', async () => {
    await app.call('collections.updateLetterTemplate', {
      kind: 'reminder',
      locale: 'en',
      subject: 'Reminder {{loanNumber}}',
      body: 'Hello {{borrower}}, {{daysPastDue}} days.',
    });
    expect((await app.call('collections.letter', { loanId, kind: 'reminder', locale: 'en' })).body).toBe(
      'Hello 王芳, 66 days.',
    );
    const bad = await app.attempt('collections.updateLetterTemplate', {
      kind: 'reminder',
      locale: 'en',
      subject: 'x',
      body: 'Pay {{amountDue}} now',
    });
    expect(bad.ok ? '' : bad.error.message).toContain('body: unknown merge field {{amountDue}}');
    expect((await app.call('collections.letter', { loanId, kind: 'reminder', locale: 'en' })).body).toBe(
      'Hello 王芳, 66 days.',
    );
  });
});
