import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import type { CollectionAccount, Result, WorklistRow } from '../../../shared/contract';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';
import { sql } from 'kysely';
import { rowCountOf } from '../../../electron/services/office/book-rows';

/** Today 2026-06-15, 09:00 UTC = 17:00 in Shanghai; a car-title loan first due 2026-04-10, unpaid. */
async function givenAnOverdueLoan(app: TestApp, referenceIds: number[] = []) {
  const borrower = await app.call('borrowers.create', WANG_FANG);
  const guarantor = await app.call('borrowers.create', {
    ...WANG_FANG,
    name: '李强',
    idNumber: '110101198501011111',
    phone: '13900139000',
  });
  const loan = await app.call('loans.create', {
    borrowerId: borrower.id,
    product: 'car-title',
    terms: {
      method: 'annuity',
      principal: 6_000_000,
      annualRatePercent: '12',
      months: 12,
      startDate: '2026-03-10',
    },
    guarantorIds: [guarantor.id],
    references: referenceIds.map((borrowerId) => ({ borrowerId, relationship: 'friend' })),
  });
  return { borrowerId: borrower.id, guarantorId: guarantor.id, loanId: loan.id, number: loan.number };
}

const count = (app: TestApp, table: string) => rowCountOf(app.ctx.db, table);

describe('the collections workbench', () => {
  let app: TestApp;
  afterEach(async () => app.dispose());

  it('logs a call with a promise, which is kept by a payment and counted for borrower and collector', async () => {
    app = await openTestApp('2026-06-15');
    const { loanId, borrowerId } = await givenAnOverdueLoan(app);
    const logged = await app.call('collections.logContact', {
      loanId,
      channel: 'call-out',
      outcome: 'reached-promise',
      durationSeconds: 240,
      notes: 'Will pay on Friday',
      promise: { amount: 300_000, dueDate: '2026-06-19' },
    });
    let account = await app.call('collections.account', { loanId });
    expect(account.contacts.map((c) => [c.id, c.localAt, c.loggedBy])).toEqual([
      [logged.id, '2026-06-15 17:00', 'System'],
    ]);
    expect(account.promises.map((p) => [p.id, p.status, p.madeOn])).toEqual([
      [logged.promiseId, 'pending', '2026-06-15'],
    ]);

    await app.call('payments.record', { loanId, date: '2026-06-15', amount: 300_000, method: 'cash' });
    account = await app.call('collections.account', { loanId });
    expect(account.promises.map((p) => [p.status, p.paidTowards])).toEqual([['kept', 300_000]]);
    const stats = await app.call('collections.promiseStats', {});
    expect(stats.byBorrower).toEqual([{ borrowerId, name: '王芳', kept: 1, broken: 0 }]);
    expect(stats.byCollector).toEqual([{ collector: 'System', kept: 1, broken: 0 }]);

    const timeline = await app.call('collections.timeline', { borrowerId });
    expect(timeline.map((e) => e.kind).sort()).toEqual(['contact', 'payment', 'promise']);
  });

  it('judges a promise broken after its date plus tolerance, and raises the account on the worklist', async () => {
    app = await openTestApp('2026-06-15');
    const { loanId, number } = await givenAnOverdueLoan(app);
    await app.call('collections.updateSettings', {
      profile: 'china',
      custom: {
        startMinutes: 480,
        endMinutes: 1320,
        maxConnectedCallsPerDay: 3,
        maxCallAttemptsPer7Days: null,
        quietDaysAfterConversation: null,
        thirdPartyOnlyIfUnreachable: true,
      },
      promiseToleranceDays: 0,
    });
    const before = (await app.call('collections.worklist', {})).rows.find((r) => r.loanNumber === number)!;
    await app.call('collections.logContact', {
      loanId,
      channel: 'call-out',
      outcome: 'reached-promise',
      promise: { amount: 300_000, dueDate: '2026-06-15' },
    });
    const dueToday = (await app.call('collections.worklist', {})).rows.find((r) => r.loanNumber === number)!;
    expect(dueToday.score - before.score).toBe(20);
    expect(dueToday.reasons).toContain('+20: a promise to pay is due today');
    expect(
      (await app.call('collections.reminders', {})).map((r) => [r.kind, r.loanNumber, r.amount]),
    ).toEqual([['promise', number, 300_000]]);

    // The same book a day later: the promise's window (tolerance 0) has closed unpaid.
    const nextDay = await openApp({ databasePath: app.ctx.databasePath, clock: fixedClock('2026-06-16') });
    try {
      const next = (await nextDay.dispatch('collections.worklist', {})) as Result<{ rows: WorklistRow[] }>;
      const row = next.ok ? next.value.rows.find((r) => r.loanId === loanId) : undefined;
      expect(row?.reasons).toContain('+25: a promise to pay was broken in the last 30 days');
      expect(row?.reasons).not.toContain('+20: a promise to pay is due today');
      const account = (await nextDay.dispatch('collections.account', {
        loanId,
      })) as Result<CollectionAccount>;
      expect(account.ok && account.value.promises.map((p) => p.status)).toEqual(['broken']);
    } finally {
      await nextDay.close();
    }
  });

  it('blocks a 23:00 call with an explanation, then records it with an override reason', async () => {
    app = await openTestApp('2026-06-15');
    const { loanId } = await givenAnOverdueLoan(app);
    const attempt = {
      loanId,
      channel: 'call-out' as const,
      outcome: 'no-answer',
      localTime: '2026-06-14T23:00',
    };
    const blocked = await app.attempt('collections.logContact', attempt);
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.error.code).toBe('rule-violation');
    expect(blocked.error.message).toContain('It is 23:00 for the borrower (Asia/Shanghai)');
    expect(blocked.error.message).toContain('override reason');
    expect(await count(app, 'collection_contacts')).toBe(0);

    const saved = await app.call('collections.logContact', {
      ...attempt,
      overrideReason: 'Borrower asked to be called after work',
    });
    const account = await app.call('collections.account', { loanId });
    expect(account.contacts.map((c) => [c.id, c.overrideReason, c.overrideRules])).toEqual([
      [saved.id, 'Borrower asked to be called after work', ['hours']],
    ]);
    expect(await app.call('collections.overrideCount', { month: '2026-06' })).toEqual({
      month: '2026-06',
      overrides: 1,
    });
    expect(await app.call('collections.overrideCount', { month: '2026-05' })).toEqual({
      month: '2026-05',
      overrides: 0,
    });
  });

  it('refuses a reference call until the borrower is marked unreachable (China profile)', async () => {
    app = await openTestApp('2026-06-15');
    const reference = await app.call('borrowers.create', {
      ...WANG_FANG,
      name: '赵六',
      idNumber: '110101197001012222',
    });
    const { loanId, borrowerId } = await givenAnOverdueLoan(app, [reference.id]);
    const call = {
      loanId,
      party: 'reference' as const,
      partyBorrowerId: reference.id,
      channel: 'call-out' as const,
      outcome: 'left-message',
    };
    const blocked = await app.attempt('collections.logContact', call);
    expect(blocked.ok ? '' : blocked.error.message).toContain(
      'only after the borrower is marked unreachable',
    );
    await app.call('collections.setUnreachable', {
      borrowerId,
      unreachable: true,
      reason: 'Phone disconnected',
    });
    expect((await app.call('collections.logContact', call)).id).toBeGreaterThan(0);
  });

  it('refuses bad input with a message naming the field, and writes nothing', async () => {
    app = await openTestApp('2026-06-15');
    const { loanId } = await givenAnOverdueLoan(app);
    const refusals: [string, unknown, string][] = [
      [
        'collections.logContact',
        { loanId, channel: 'call-out', outcome: 'no-answer', localTime: '2026-06-15T17:01' },
        'localTime: a contact cannot be in the future',
      ],
      [
        'collections.logContact',
        {
          loanId,
          channel: 'call-out',
          outcome: 'reached-promise',
          promise: { amount: 0, dueDate: '2026-06-20' },
        },
        'promise.amount: must be greater than zero',
      ],
      [
        'collections.logContact',
        {
          loanId,
          channel: 'call-out',
          outcome: 'reached-promise',
          promise: { amount: -5, dueDate: '2026-06-20' },
        },
        'promise.amount: must be greater than zero',
      ],
      [
        'collections.logContact',
        {
          loanId,
          channel: 'call-out',
          outcome: 'reached-promise',
          promise: { amount: 100, dueDate: '2026-06-14' },
        },
        'promise.dueDate: a promise cannot be dated in the past',
      ],
      [
        'collections.logContact',
        {
          loanId,
          channel: 'call-out',
          outcome: 'no-answer',
          localTime: '2026-06-14T23:00',
          overrideReason: '   ',
        },
        'give an override reason',
      ],
      [
        'collections.planVisit',
        {
          loanId,
          localTime: '2026-06-16T10:00',
          addressKind: 'home',
          address: '北京市东城区',
          team: ['张伟', ' 张伟 '],
          purpose: 'Discuss arrears',
        },
        'team: an on-site visit needs a team of at least two',
      ],
      ['collections.updateContact', { id: 1, notes: 'changed' }, 'There is no API method called'],
    ];
    for (const [method, input, message] of refusals) {
      const result = await app.attempt(method as never, input);
      expect(result.ok, method).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(message);
    }
    expect([
      await count(app, 'collection_contacts'),
      await count(app, 'promises_to_pay'),
      await count(app, 'collection_visits'),
    ]).toEqual([0, 0, 0]);
  });

  it('keeps a saved contact unchanged; a correction is an amendment linked to it', async () => {
    app = await openTestApp('2026-06-15');
    const { loanId } = await givenAnOverdueLoan(app);
    const first = await app.call('collections.logContact', {
      loanId,
      channel: 'call-out',
      outcome: 'no-answer',
    });
    // The engine itself refuses (SQLite's triggers, PostgreSQL's PL/pgSQL), not just the service.
    await expect(
      sql`UPDATE collection_contacts SET notes = 'x' WHERE id = ${first.id}`.execute(app.ctx.db),
    ).rejects.toThrow('a saved contact cannot be changed');
    await expect(
      sql`DELETE FROM collection_contacts WHERE id = ${first.id}`.execute(app.ctx.db),
    ).rejects.toThrow('a saved contact cannot be deleted');
    const fix = await app.call('collections.logContact', {
      loanId,
      channel: 'call-out',
      outcome: 'left-message',
      notes: 'Left a voicemail, not no answer',
      amendsContactId: first.id,
    });
    const account = await app.call('collections.account', { loanId });
    const byId = new Map(account.contacts.map((c) => [c.id, c]));
    expect(byId.get(first.id)?.outcome).toBe('no-answer');
    expect(byId.get(first.id)?.amendedBy).toEqual([fix.id]);
    expect(byId.get(fix.id)?.amendsContactId).toBe(first.id);
  });

  it('plans a visit for a team of two and prints a dossier with masked IDs', async () => {
    app = await openTestApp('2026-06-15');
    const { loanId } = await givenAnOverdueLoan(app);
    const { id } = await app.call('collections.planVisit', {
      loanId,
      localTime: '2026-06-16T10:00',
      addressKind: 'home',
      address: '北京市东城区',
      team: ['张伟', '刘洋'],
      purpose: 'Discuss the arrears',
    });
    const dossier = await app.call('collections.dossier', { visitId: id });
    expect(dossier.visit.localAt).toBe('2026-06-16 10:00');
    expect(dossier.visit.plannedAt).toBe('2026-06-16T02:00:00.000Z');
    expect(dossier.borrower.idNumberMasked).not.toContain('19900307');
    expect(dossier.guarantors.map((g) => [g.name, g.idNumberMasked.includes('19850101')])).toEqual([
      ['李强', false],
    ]);
    expect(dossier.loan.daysPastDue).toBeGreaterThan(60);
    expect(JSON.stringify(dossier)).not.toContain('110101199003071234');
    const tomorrow = await app.call('collections.reminders', {});
    expect(tomorrow).toEqual([]);
  });

  it('counts an installment falling due today as due today, with what is left of it', async () => {
    // Loans started on the 10th fall due on the 10th: today is the fourth installment's day.
    app = await openTestApp('2026-06-10');
    const { loanId, number } = await givenAnOverdueLoan(app);
    const june = (await app.call('loans.get', { id: loanId })).statement.installments.find(
      (i) => i.dueDate === '2026-06-10',
    )!;
    expect(june).toBeDefined();
    const reminders = await app.call('collections.reminders', {});
    expect(reminders.map((r) => [r.kind, r.loanNumber, r.date, r.amount])).toEqual([
      ['installment', number, '2026-06-10', june.total],
    ]);
  });
});
