import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../electron/services/auth/actor';
import { openTestApp, rawSql, type TestApp } from '../../support/test-app';
import { CHEN_OWNER, givenAnUnpaidLoan, ZHANG_MANAGER } from '../../support/grades';

const ZHANG = ZHANG_MANAGER;
const BOSS = CHEN_OWNER;
const LI: Actor = { userId: 4, username: 'li', displayName: 'Li Na', role: 'collector' };

// Today is 2026-06-15: the loan's oldest unpaid installment fell due on 2026-02-15, 120 days ago,
// so the rules say substandard.
const givenALoan = givenAnUnpaidLoan;

describe('a manager’s override of a loan’s grade', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('waits for a second manager, then sets the grade from that day, with its reason, audited', async () => {
    const loanId = await givenALoan(app);
    const may = await app.call('reports.monthly', { month: '2026-05' });
    app.session.signIn(ZHANG);
    const asked = await app.call('loans.requestGradeOverride', {
      loanId,
      grade: 'doubtful',
      reason: 'borrower left the city',
    });
    expect(asked).toMatchObject({ status: 'proposed', grade: 'doubtful', requestedByUserId: ZHANG.userId });
    expect(await app.call('loans.grade', { loanId })).toMatchObject({
      grade: 'substandard',
      pendingOverride: { id: asked.id },
      override: null,
    });
    const inbox = await app.call('approvals.list', { status: 'pending' });
    expect(inbox.find((r) => r.kind === 'grade-override')).toMatchObject({
      reference: `G-${asked.id}`,
      summary: 'doubtful',
      reason: 'borrower left the city',
    });

    // Not the asker; not twice; not a collector.
    const own = await app.attempt('loans.decideGradeOverride', { overrideId: asked.id, decision: 'approve' });
    expect(own.ok ? null : own.error).toMatchObject({ reason: 'gradeOverride.ownRequest' });
    const again = await app.attempt('loans.requestGradeOverride', { loanId, grade: 'loss', reason: 'worse' });
    expect(again.ok ? null : again.error).toMatchObject({ reason: 'gradeOverride.pending' });
    app.session.signIn(LI);
    const collector = await app.attempt('loans.decideGradeOverride', {
      overrideId: asked.id,
      decision: 'approve',
    });
    expect(collector.ok ? null : collector.error).toMatchObject({ code: 'forbidden' });

    app.session.signIn(BOSS);
    const approved = await app.call('loans.decideGradeOverride', {
      overrideId: asked.id,
      decision: 'approve',
      note: 'agreed',
    });
    expect(approved).toMatchObject({
      status: 'approved',
      effectiveFrom: '2026-06-15',
      decidedBy: 'Chen Jie',
    });
    const graded = await app.call('loans.grade', { loanId });
    expect(graded).toMatchObject({
      grade: 'doubtful',
      ruled: 'substandard',
      provisionPercent: '50',
      // Half of the whole outstanding principal, 12,000.00.
      provision: 1_200_000 / 2,
      override: { id: asked.id },
      pendingOverride: null,
    });
    expect(graded!.reasons.at(-1)).toEqual({
      kind: 'override',
      reason: 'borrower left the city',
      grade: 'doubtful',
    });
    const twice = await app.attempt('loans.decideGradeOverride', {
      overrideId: asked.id,
      decision: 'reject',
    });
    expect(twice.ok ? null : twice.error).toMatchObject({ reason: 'gradeOverride.decided' });

    // The day before it took effect, and the month already reported, keep the rules' grade.
    const dayBefore = await app.call('reports.classification', { asOf: '2026-06-14' });
    expect(dayBefore.grades.find((g) => g.grade === 'substandard')!.loans).toBe(1);
    expect((await app.call('reports.monthly', { month: '2026-05' })).classification).toEqual(
      may.classification,
    );

    const audit = await rawSql(app.ctx.db).all<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'grade-override' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['request', 'approve']);
  });

  it('keeps the grade history of completed month ends, untouched by an override made today', async () => {
    const loanId = await givenALoan(app);
    // Due on the 15th from February, nothing paid: 0 days late at the end of January, 13 at the
    // end of February (special mention) … 105 at the end of May (substandard, over 90).
    const expected = [
      { month: '2026-01', grade: 'normal' },
      { month: '2026-02', grade: 'special-mention' },
      { month: '2026-05', grade: 'substandard' },
    ];
    expect(await app.call('loans.gradeHistory', { loanId })).toEqual(expected);
    app.session.signIn(ZHANG);
    const asked = await app.call('loans.requestGradeOverride', { loanId, grade: 'loss', reason: 'fraud' });
    app.session.signIn(BOSS);
    await app.call('loans.decideGradeOverride', { overrideId: asked.id, decision: 'approve' });
    expect(await app.call('loans.gradeHistory', { loanId })).toEqual(expected);
  });

  it('is removed with a reason, and the rules grade the loan again from that day', async () => {
    const loanId = await givenALoan(app);
    app.session.signIn(ZHANG);
    const asked = await app.call('loans.requestGradeOverride', { loanId, grade: 'loss', reason: 'fraud' });
    app.session.signIn(BOSS);
    await app.call('loans.decideGradeOverride', { overrideId: asked.id, decision: 'approve' });
    expect((await app.call('loans.grade', { loanId }))!.grade).toBe('loss');
    const removed = await app.call('loans.removeGradeOverride', {
      overrideId: asked.id,
      reason: 'fraud not proven',
    });
    expect(removed.status).toBe('removed');
    expect(await app.call('loans.grade', { loanId })).toMatchObject({ grade: 'substandard', override: null });
    const again = await app.attempt('loans.removeGradeOverride', { overrideId: asked.id, reason: 'again' });
    expect(again.ok ? null : again.error).toMatchObject({ reason: 'gradeOverride.notInForce' });
  });

  it('refuses an override without a reason, or to a grade the chosen classification does not have', async () => {
    const loanId = await givenALoan(app);
    app.session.signIn(ZHANG);
    const blank = await app.attempt('loans.requestGradeOverride', {
      loanId,
      grade: 'doubtful',
      reason: '   ',
    });
    expect(blank.ok ? null : blank.error).toMatchObject({ code: 'invalid-input' });
    const stage = await app.attempt('loans.requestGradeOverride', { loanId, grade: 'stage-3', reason: 'x' });
    expect(stage.ok ? null : stage.error).toMatchObject({
      reason: 'classification.gradeOfOtherProfile',
      field: 'grade',
    });
    expect(Number(await rawSql(app.ctx.db).value('SELECT count(*) FROM grade_overrides'))).toBe(0);
  });
});
