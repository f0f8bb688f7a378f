/**
 * Repossession through sale: ordered → taken into possession → listed → sold → proceeds applied
 * → outcome recorded. Each step is a row with who and when; only the latest step can be
 * reversed, with a reason, and the loan is recomputed each time.
 *
 * Money: storage, towing and selling costs come off the gross price first; the net, capped at
 * what clears the loan on the sale's application date, is posted as an ordinary payment
 * (method 'other'), so the engine allocates it penalty → interest → principal. Whatever the net
 * leaves over is a surplus owed back to the borrower; whatever it falls short is a deficiency
 * that stays on the loan (which stays 'repossessed', so DPD keeps counting). Costs beyond the
 * gross price are the lender's loss: the engine has no fee line to charge them to the loan.
 */
import {
  OPEN_STATUSES,
  REPOSSESSION_STEPS,
  type LoanStatus,
  type RepossessionStep,
  type RepossessionView,
  type ParsedInput,
} from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, ruleViolation, invalidField } from '../errors';
import { requirePermission } from '../auth/permissions';
import { appendAudit } from '../audit/audit';
import type { Db } from '../../db/db';
import { loadLoanRecords } from '../loans/loan-records';
import { payoffOf, statementOf } from '../loans/statement';
import { refreshLoanStatus } from '../loans/status-cache';
import { recordPayment, reversePayment } from '../payments/payments.service';
import { findItem, updateItem } from './item.repository';
import { loanStanding, setLoanStatus } from '../loans/loan.repository';
import {
  insertRepossession,
  insertRepossessionStep,
  markStepReversed,
  repossessionCases,
  securedLoan,
  stepsOfCases,
} from './repossession.repository';
import { needsSecondPerson } from '../approvals/request';
import { isBackdated } from '../approvals/backdating';
import type { RepossessionStepRecord } from './tables';
import { lockLoanOf, lockLoans } from '../loans/loan-lock';

type StepInput = ParsedInput<'repossession.record'>['step'];

const nextStep = (stage: RepossessionStep | null): RepossessionStep | null =>
  stage === null ? null : (REPOSSESSION_STEPS[REPOSSESSION_STEPS.indexOf(stage) + 1] ?? null);

const live = (steps: RepossessionStepRecord[]) => steps.filter((s) => s.reversed_at === null);

export async function repossessionsOf(db: Db, where: { itemId?: number; loanId?: number; id?: number }) {
  const cases = await repossessionCases(db, where);
  if (cases.length === 0) return [];
  const steps = await stepsOfCases(
    db,
    cases.map((c) => c.id),
  );
  return cases.map((c): RepossessionView => {
    const own = steps.filter((s) => s.repossession_id === c.id);
    const stage = live(own).at(-1)?.step ?? null;
    return {
      id: c.id,
      itemId: c.item_id,
      loanId: c.loan_id,
      loanNumber: c.number,
      kind: c.kind,
      stage,
      next: nextStep(stage),
      costs: live(own).reduce(
        (sum, s) => sum + (s.storage_cost ?? 0) + (s.towing_cost ?? 0) + (s.selling_costs ?? 0),
        0,
      ),
      steps: own.map((s) => ({
        id: s.id,
        step: s.step,
        date: s.date,
        note: s.note,
        location: s.location,
        storageCost: s.storage_cost,
        towingCost: s.towing_cost,
        channel: s.channel,
        askingPrice: s.asking_price,
        buyer: s.buyer,
        grossPrice: s.gross_price,
        sellingCosts: s.selling_costs,
        paymentId: s.payment_id,
        netProceeds: s.net_proceeds,
        appliedAmount: s.applied_amount,
        surplus: s.surplus,
        deficiency: s.deficiency,
        recordedBy: s.recorded_by,
        recordedAt: s.recorded_at,
        reversed: s.reversed_at
          ? { at: s.reversed_at, by: s.reversed_by ?? '', reason: s.reversal_reason ?? '' }
          : null,
      })),
    };
  });
}

async function loadCase(db: Db, id: number) {
  const [view] = await repossessionsOf(db, { id });
  if (!view) throw notFound('repossession.notFound', id);
  return { view, steps: live(await stepsOfCases(db, [id])) };
}

export function repossessionHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'repossession.start' | 'repossession.record' | 'repossession.reverse'> {
  const { db, clock } = ctx;

  const checkDate = (date: string, after: string | undefined) => {
    const today = clock.today();
    if (date > today) throw invalidField('date', 'repossession.dateAfterToday', { today });
    if (after && date < after) throw invalidField('date', 'repossession.dateBeforePrevious', { date: after });
  };

  /** Writes one step row; the step-specific columns not given stay null. */
  const insertStep = async (
    trx: Db,
    repossessionId: number,
    row: Partial<Omit<RepossessionStepRecord, 'id' | 'repossession_id' | 'recorded_by' | 'recorded_at'>> & {
      step: RepossessionStep;
      date: string;
    },
  ) => {
    const actor = requirePermission(ctx.actor(), 'book.write');
    await insertRepossessionStep(trx, {
      repossession_id: repossessionId,
      note: '',
      ...row,
      recorded_by: actor.displayName,
      recorded_at: clock.now(),
    });
    await appendAudit(trx, ctx, {
      entity: 'repossession',
      entityId: repossessionId,
      action: row.step,
      after: row,
    });
  };

  return {
    'repossession.start': async ({ itemId, loanId, kind, date, note }) => {
      requirePermission(ctx.actor(), 'book.write');
      checkDate(date, undefined);
      return db.transaction().execute(async (trx) => {
        await lockLoans(trx, [loanId]);
        const item = await findItem(trx, itemId);
        if (!item) throw invalidField('itemId', 'item.missing', { id: itemId });
        if (item.status !== 'active')
          throw ruleViolation('item.notActive', { id: itemId, status: item.status });
        if ((item.kind === 'vehicle') !== (kind === 'repossession'))
          throw item.kind === 'vehicle'
            ? invalidField('kind', 'repossession.vehicleOnly')
            : invalidField('kind', 'repossession.propertyOnly');
        const link = await securedLoan(trx, itemId, loanId);
        if (!link) throw invalidField('loanId', 'link.notFound', { itemId, loanId });
        if (!OPEN_STATUSES.includes(link.status))
          throw ruleViolation('repossession.noDebt', { number: link.number, status: link.status });
        const running = (await repossessionsOf(trx, { itemId })).find(
          (r) => r.stage !== null && r.next !== null,
        );
        if (running) throw ruleViolation('repossession.running', { id: itemId, running: running.id });
        const id = await insertRepossession(trx, {
          item_id: itemId,
          loan_id: loanId,
          kind,
          created_at: clock.now(),
        });
        await insertStep(trx, id, { step: 'ordered', date, note });
        return { id };
      });
    },

    'repossession.record': async ({ repossessionId, step }) => {
      requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        await lockLoanOf(trx, 'repossessions', repossessionId);
        const { view, steps } = await loadCase(trx, repossessionId);
        if (view.next !== step.step) {
          throw view.next === null
            ? ruleViolation('repossession.over', { id: repossessionId })
            : ruleViolation('repossession.wrongStep', {
                id: repossessionId,
                next: view.next,
                step: step.step,
              });
        }
        checkDate(step.date, steps.at(-1)?.date);
        await recordStep(trx, view, steps, step);
        return (await repossessionsOf(trx, { id: repossessionId }))[0]!;
      });
    },

    'repossession.reverse': async ({ repossessionId, reason }) => {
      const actor = requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        await lockLoanOf(trx, 'repossessions', repossessionId);
        const { view, steps } = await loadCase(trx, repossessionId);
        const last = steps.at(-1);
        if (!last) throw ruleViolation('repossession.nothingToReverse', { id: repossessionId });
        const now = clock.now();
        if (last.step === 'possessed') {
          const loan = await loanStanding(trx, view.loanId);
          if (loan.status === 'repossessed')
            await setLoanStatus(
              trx,
              view.loanId,
              (last.prior_loan_status as LoanStatus | null) ?? 'active',
              now,
            );
        } else if (last.step === 'sold') {
          await updateItem(trx, view.itemId, { status: 'active', updated_at: now });
        } else if (last.step === 'applied' && last.payment_id !== null) {
          // Reversing a payment is a checker's act elsewhere in the app; here it needs a user who
          // may decide approvals (the approvals table has no kind for a repossession step yet).
          if (needsSecondPerson(actor)) requirePermission(actor, 'approvals.decide');
          await reversePayment(
            trx,
            ctx,
            last.payment_id,
            `reversal of repossession #${repossessionId} step "applied": ${reason}`,
          );
          // The payment's reversal reopens a closed loan as 'active'; the car is still in our hands.
          const loan = await loanStanding(trx, view.loanId);
          if (loan.status === 'active') await setLoanStatus(trx, view.loanId, 'repossessed', now);
        }
        await markStepReversed(trx, last.id, { at: now, by: actor.displayName, reason });
        await refreshLoanStatus(trx, view.loanId, clock.today());
        await appendAudit(trx, ctx, {
          entity: 'repossession',
          entityId: repossessionId,
          action: `reverse-${last.step}`,
          before: last,
          after: { reason },
        });
        return (await repossessionsOf(trx, { id: repossessionId }))[0]!;
      });
    },
  };

  async function recordStep(
    trx: Db,
    view: RepossessionView,
    steps: RepossessionStepRecord[],
    step: StepInput,
  ) {
    const now = clock.now();
    switch (step.step) {
      case 'possessed': {
        const loan = await loanStanding(trx, view.loanId);
        if (!OPEN_STATUSES.includes(loan.status))
          throw ruleViolation('repossession.noDebt', { number: loan.number, status: loan.status });
        await insertStep(trx, view.id, {
          step: 'possessed',
          date: step.date,
          note: step.note,
          location: step.location,
          storage_cost: step.storageCost,
          towing_cost: step.towingCost,
          prior_loan_status: loan.status,
        });
        await setLoanStatus(trx, view.loanId, 'repossessed', now);
        return;
      }
      case 'listed':
        await insertStep(trx, view.id, {
          step: 'listed',
          date: step.date,
          note: step.note,
          channel: step.channel,
          asking_price: step.askingPrice,
        });
        return;
      case 'sold':
        await insertStep(trx, view.id, {
          step: 'sold',
          date: step.date,
          note: step.note,
          buyer: step.buyer,
          gross_price: step.grossPrice,
          selling_costs: step.sellingCosts,
        });
        // A sold item secures nothing any more; its value leaves every loan's coverage.
        await updateItem(trx, view.itemId, { status: 'sold', updated_at: now });
        return;
      case 'applied': {
        const book = await loadLoanRecords(trx, view.loanId);
        if (!OPEN_STATUSES.includes(book.loan.status))
          throw invalidField('loanId', 'repossession.proceedsLoanClosed', {
            number: book.loan.number,
            status: book.loan.status,
          });
        const actor = requirePermission(ctx.actor(), 'book.write');
        if (needsSecondPerson(actor) && (await isBackdated(trx, step.date, clock.today())))
          throw invalidField('date', 'repossession.proceedsBackdated', { date: step.date });
        const sale = steps.find((s) => s.step === 'sold')!;
        const costs = view.costs;
        const net = Math.max(0, (sale.gross_price ?? 0) - costs);
        const payoff = payoffOf(statementOf(book, step.date));
        const applied = Math.min(net, payoff);
        let paymentId: number | null = null;
        if (applied > 0) {
          paymentId = (
            await recordPayment(trx, ctx, {
              loanId: view.loanId,
              date: step.date,
              amount: applied,
              method: 'other',
              reference: `sale of collateral #${view.itemId} (repossession #${view.id})`,
              receivedBy: actor.displayName,
            })
          ).id;
        }
        await insertStep(trx, view.id, {
          step: 'applied',
          date: step.date,
          note:
            step.note ||
            `gross ${formatAmount(sale.gross_price ?? 0)} − costs ${formatAmount(costs)} = net ${formatAmount(net)}; debt ${formatAmount(payoff)}`,
          payment_id: paymentId,
          net_proceeds: net,
          applied_amount: applied,
          surplus: Math.max(0, net - payoff),
          deficiency: Math.max(0, payoff - net),
        });
        return;
      }
      case 'settled': {
        const applied = steps.find((s) => s.step === 'applied')!;
        const book = await loadLoanRecords(trx, view.loanId);
        const owed = payoffOf(statementOf(book, step.date));
        await insertStep(trx, view.id, {
          step: 'settled',
          date: step.date,
          note:
            step.note ||
            ((applied.surplus ?? 0) > 0
              ? `surplus ${formatAmount(applied.surplus ?? 0)} owed back to the borrower`
              : `deficiency ${formatAmount(owed)} left owing`),
          surplus: applied.surplus ?? 0,
          deficiency: owed,
        });
        // With nothing owed the payment already closed the loan; with a deficiency it stays
        // 'repossessed' and keeps ageing until the borrower pays or it is written off.
        return;
      }
    }
  }
}
