import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

describe('legal cases', () => {
  let app: TestApp;
  let loanId: number;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
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

  it('escalates a loan to legal and walks a case through its stages with costs', async () => {
    const { id } = await app.call('collections.openLegalCase', {
      loanId,
      date: '2026-06-01',
      note: 'Final notice unanswered',
    });
    expect((await app.call('loans.get', { id: loanId })).status).toBe('legal');
    await app.call('collections.advanceLegalCase', {
      caseId: id,
      stage: 'lawyer-engaged',
      date: '2026-06-05',
      lawyer: '陈律师',
      cost: 500_000,
      chargeToLoan: true,
    });
    await app.call('collections.advanceLegalCase', {
      caseId: id,
      stage: 'filed',
      date: '2026-06-10',
      court: '北京市东城区人民法院',
      caseNumber: '(2026)京0101民初1234号',
      cost: 120_000,
    });
    const detail = await app.call('collections.legalCase', { caseId: id });
    expect([detail.stage, detail.lawyer, detail.court, detail.caseNumber]).toEqual([
      'filed',
      '陈律师',
      '北京市东城区人民法院',
      '(2026)京0101民初1234号',
    ]);
    expect([detail.totalCosts, detail.costsChargedToLoan]).toEqual([620_000, 500_000]);
    expect(detail.events.map((e) => e.stage)).toEqual(['demand-sent', 'lawyer-engaged', 'filed']);
    expect((await app.call('collections.legalCases', {})).map((c) => c.id)).toEqual([id]);
    const timeline = await app.call('collections.timeline', { loanId });
    expect(timeline.filter((e) => e.kind === 'legal').map((e) => e.summary.status)).toEqual([
      'filed',
      'lawyer-engaged',
      'demand-sent',
    ]);

    const back = await app.attempt('collections.advanceLegalCase', {
      caseId: id,
      stage: 'lawyer-engaged',
      date: '2026-06-12',
    });
    expect(back.ok ? '' : back.error.message).toContain('stage: the case is already at "filed"');
    const noOutcome = await app.attempt('collections.advanceLegalCase', {
      caseId: id,
      stage: 'closed',
      date: '2026-06-12',
    });
    expect(noOutcome.ok ? '' : noOutcome.error.message).toContain('outcome: record the outcome');
    await app.call('collections.advanceLegalCase', {
      caseId: id,
      stage: 'closed',
      date: '2026-06-14',
      outcome: 'Settled',
    });
    expect(await app.call('collections.legalCases', {})).toEqual([]);
    expect(
      (await app.call('collections.legalCases', { openOnly: false })).map((c) => [
        c.stage,
        c.closedOn,
        c.outcome,
      ]),
    ).toEqual([['closed', '2026-06-14', 'Settled']]);
  });

  it('refuses a second open case for the same loan', async () => {
    await app.call('collections.openLegalCase', { loanId, date: '2026-06-15' });
    const again = await app.attempt('collections.openLegalCase', { loanId, date: '2026-06-15' });
    expect(again.ok ? '' : again.error.message).toContain('already has open legal case');
  });
});
