import type { Actor, Role } from '../../../electron/services/auth/actor';
import type { AccountKind } from '../../../shared/contract';
import { WANG_FANG } from '../../support/test-app';
import { aCar, appraisal, GOOD_VIN, OTHER_VIN } from '../collateral/support';
import { movableClock, openAccessApp, type AccessApp } from './support';
import { rawSql } from '../../support/test-app';

const TERMS = {
  method: 'annuity',
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-03-10',
} as const;

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** One record of every kind an account can have, so any method's account field can be filled. */
export type AccountRecords = Record<AccountKind, number>;

export interface TwoCollectorsBook {
  app: AccessApp;
  /** Li's account and Zhang's account. */
  lis: AccountRecords;
  zhangs: AccountRecords;
  actors: Record<Role, Actor> & { zhang: Actor };
  /** Puts the two assignments back, whatever a test call did to them. */
  resetAssignments(): Promise<void>;
}

/**
 * A book with two collectors, Li and Zhang, each assigned one account that has a record of every
 * kind: borrower, loan, car with a valuation and a photo, a payment with a reversal waiting for
 * approval, a contact with a promise, a visit, a proposed plan, a write-off request, a legal case
 * and a repossession. Chen owns the book, Wu manages, Zhao only views.
 */
export async function givenTwoCollectorsWithFullAccounts(): Promise<TwoCollectorsBook> {
  const app = await openAccessApp(movableClock('2026-06-15T02:00:00.000Z'));
  await app.as('chen', 'owner');
  const [outcome] = await app.call('collections.outcomes', {});

  async function account(name: string, idNumber: string, vin: string, plate: string) {
    const { id: borrower } = await app.call('borrowers.create', { ...WANG_FANG, name, idNumber });
    const { id: loan } = await app.call('loans.create', {
      borrowerId: borrower,
      product: 'car-title',
      terms: TERMS,
    });
    const { id: item } = await app.call('collateral.create', {
      loanIds: [loan],
      details: aCar({ vin, plate }),
      valuation: appraisal('2026-03-01', 10_000_000),
    });
    const valuation = (
      (await rawSql(app.ctx.db).get('SELECT id FROM collateral_valuations WHERE item_id = ?', item)) as {
        id: number;
      }
    ).id;
    const { linkId } = await app.call('attachments.upload', {
      itemId: item,
      category: 'photo',
      fileName: 'front.png',
      mime: 'image/png',
      dataBase64: PNG_BASE64,
    });
    const { id: payment } = await app.call('payments.record', {
      loanId: loan,
      date: '2026-06-15',
      amount: 10_000,
      method: 'cash',
    });
    const reversal = await app.call('payments.reverse', { paymentId: payment, reason: 'entered twice' });
    if (!('approvalId' in reversal)) throw new Error('a person’s reversal should wait for approval');
    const { id: contact, promiseId } = await app.call('collections.logContact', {
      loanId: loan,
      channel: 'call-out',
      outcome: outcome!.code,
      promise: { amount: 100_000, dueDate: '2026-06-20' },
    });
    const { id: visit } = await app.call('collections.planVisit', {
      loanId: loan,
      localTime: '2026-06-16T10:00',
      addressKind: 'home',
      address: '北京市东城区',
      team: ['Li', 'Wu'],
      purpose: 'Discuss arrears',
    });
    const plan = await app.call('plans.propose', {
      loanId: loan,
      spec: { type: 'arrears-installments', months: 3, waivePenaltyPercent: '100' },
    });
    const writeOff = await app.call('writeOffs.request', { loanId: loan, reason: 'test' });
    const gradeOverride = await app.call('loans.requestGradeOverride', {
      loanId: loan,
      grade: 'doubtful',
      reason: 'left the city',
    });
    const { id: legalCase } = await app.call('collections.openLegalCase', {
      loanId: loan,
      date: '2026-06-15',
    });
    const { id: repossession } = await app.call('repossession.start', {
      itemId: item,
      loanId: loan,
      kind: 'repossession',
      date: '2026-06-15',
      note: 'ordered',
    });
    return {
      loan,
      borrower,
      'collateral-item': item,
      valuation,
      'attachment-link': linkId,
      repossession,
      contact,
      visit,
      promise: promiseId!,
      plan: plan.id,
      'write-off': writeOff.id,
      'grade-override': gradeOverride.id,
      'legal-case': legalCase,
      payment,
      'approval-request': reversal.approvalId,
    } satisfies AccountRecords;
  }

  const lis = await account('王芳', '110101199003071234', GOOD_VIN, '京A·12345');
  const zhangs = await account('李强', '110101198511112345', OTHER_VIN, '沪B·67890');
  for (const [username, role] of [
    ['li', 'collector'],
    ['zhang', 'collector'],
    ['wu', 'manager'],
    ['zhao', 'viewer'],
  ] as const)
    await app.as(username, role);

  const book = rawSql(app.ctx.db);
  const actorOf = async (username: string): Promise<Actor> => {
    const u = (await book.get(
      'SELECT id, username, display_name, role FROM users WHERE username = ?',
      username,
    )) as {
      id: number;
      username: string;
      display_name: string;
      role: Role;
    };
    return { userId: u.id, username: u.username, displayName: u.display_name, role: u.role };
  };
  const actors = {
    owner: await actorOf('chen'),
    manager: await actorOf('wu'),
    collector: await actorOf('li'),
    viewer: await actorOf('zhao'),
    zhang: await actorOf('zhang'),
  };
  const assign = (loanId: number, collector: string, collectorId: number) =>
    book.run(
      "INSERT INTO collection_assignments (loan_id, collector, collector_id, assigned_at) VALUES (?, ?, ?, '2026-06-15T00:00:00.000Z')",
      loanId,
      collector,
      collectorId,
    );
  const resetAssignments = async () => {
    await book.run('DELETE FROM collection_assignments');
    await assign(lis.loan, 'li', actors.collector.userId);
    await assign(zhangs.loan, 'zhang', actors.zhang.userId);
  };
  await resetAssignments();
  return { app, lis, zhangs, actors, resetAssignments };
}
