/**
 * Write-off (核销): one user asks, another with approval rights approves, and the loan leaves the
 * book as 'written-off' with its payoff on that day recorded. Money received afterwards is a
 * recovery, kept in its own table: the statement engine and the payments ledger are unchanged,
 * and reports read recoveries by date.
 */
import { setLoanStatus } from '../loans/loan.repository';
import {
  OPEN_STATUSES,
  type PaymentMethod,
  type RecoveryRow,
  type WriteOffRow,
} from '../../../shared/contract';
import { requirePermission } from '../auth/permissions';
import { appendAudit } from '../audit/audit';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, ruleViolation, invalidField } from '../errors';
import type { Db } from '../../db/db';
import { loadLoanRecords } from '../loans/loan-records';
import { payoffOf, statementOf } from '../loans/statement';
import { refreshLoanStatus } from '../loans/status-cache';
import { decisionStamp, refuseOwnRequest } from './decision';
import {
  approvedWriteOffOf,
  findWriteOff,
  insertRecovery,
  insertWriteOff,
  proposedWriteOffOf,
  recoveryList,
  recoveryRows,
  decideProposedWriteOff,
  writeOffList,
  writeOffRows,
} from './write-offs.repository';
import { lockLoanOf, lockLoans } from '../loans/loan-lock';

type WriteOffHandlers = Pick<
  Handlers,
  'writeOffs.request' | 'writeOffs.decide' | 'writeOffs.list' | 'recoveries.record' | 'recoveries.list'
>;

function toWriteOff(
  r: Awaited<ReturnType<ReturnType<typeof writeOffRows>['executeTakeFirstOrThrow']>>,
): WriteOffRow {
  return {
    id: r.id,
    loanId: r.loan_id,
    loanNumber: r.number,
    status: r.status,
    amount: r.amount,
    principal: r.principal,
    approvedOn: r.approved_on,
    requestedBy: r.requested_by_name,
    requestedByUserId: r.requested_by,
    reason: r.reason,
    decidedBy: r.decided_by_name,
    decisionNote: r.decision_note,
  };
}

async function writeOffById(db: Db, id: number): Promise<WriteOffRow> {
  return toWriteOff(await writeOffRows(db).where('w.id', '=', id).executeTakeFirstOrThrow());
}

export function writeOffHandlers(ctx: ServiceContext): WriteOffHandlers {
  const { db, clock } = ctx;
  return {
    'writeOffs.request': async ({ loanId, reason }) => {
      const actor = requirePermission(ctx.actor(), 'book.write');
      const id = await db.transaction().execute(async (trx) => {
        await lockLoans(trx, [loanId]);
        const book = await loadLoanRecords(trx, loanId);
        if (!OPEN_STATUSES.includes(book.loan.status)) {
          throw ruleViolation('writeOff.loanNotOpen', { number: book.loan.number, status: book.loan.status });
        }
        const pending = await proposedWriteOffOf(trx, loanId);
        if (pending) throw ruleViolation('writeOff.pending', { id: pending.id, number: book.loan.number });
        const id = await insertWriteOff(trx, {
          loan_id: loanId,
          status: 'proposed',
          requested_by: actor.userId,
          requested_by_name: actor.displayName,
          requested_at: clock.now(),
          reason,
        });
        await appendAudit(trx, ctx, {
          entity: 'write-off',
          entityId: id,
          action: 'request',
          after: { loanId, reason },
        });
        return id;
      });
      return writeOffById(db, id);
    },

    'writeOffs.decide': async ({ writeOffId, decision, note }) => {
      const actor = requirePermission(ctx.actor(), 'approvals.decide');
      await db.transaction().execute(async (trx) => {
        const today = clock.today();
        await lockLoanOf(trx, 'write_offs', writeOffId);
        const row = await findWriteOff(trx, writeOffId);
        if (!row) throw notFound('writeOff.notFound', writeOffId);
        if (row.status !== 'proposed')
          throw ruleViolation('writeOff.decided', { id: writeOffId, status: row.status });
        refuseOwnRequest(row.requested_by, actor, ruleViolation('writeOff.ownRequest', { id: writeOffId }));
        const decided = decisionStamp(actor, clock.now(), note);
        if (decision === 'reject') {
          await decideProposedWriteOff(trx, writeOffId, { status: 'rejected', ...decided });
          await appendAudit(trx, ctx, {
            entity: 'write-off',
            entityId: writeOffId,
            action: 'reject',
            after: { note },
          });
          return;
        }
        const book = await loadLoanRecords(trx, row.loan_id);
        if (!OPEN_STATUSES.includes(book.loan.status)) {
          throw ruleViolation('writeOff.loanNotOpen', { number: book.loan.number, status: book.loan.status });
        }
        const statement = statementOf(book, today);
        const amount = payoffOf(statement);
        await decideProposedWriteOff(trx, writeOffId, {
          status: 'approved',
          ...decided,
          amount,
          principal: statement.outstandingPrincipal,
          approved_on: today,
        });
        await setLoanStatus(trx, row.loan_id, 'written-off', clock.now());
        await refreshLoanStatus(trx, row.loan_id, today);
        await appendAudit(trx, ctx, {
          entity: 'write-off',
          entityId: writeOffId,
          action: 'approve',
          before: { loanStatus: book.loan.status },
          after: { amount, principal: statement.outstandingPrincipal, note },
        });
      });
      return writeOffById(db, writeOffId);
    },

    'writeOffs.list': async ({ loanId }) => {
      return (await writeOffList(db, { loanId }, ctx.actor())).map(toWriteOff);
    },

    'recoveries.record': async (input) => {
      const actor = requirePermission(ctx.actor(), 'payments.record');
      const id = await db.transaction().execute(async (trx) => {
        const today = clock.today();
        await lockLoans(trx, [input.loanId]);
        const writeOff = await approvedWriteOffOf(trx, input.loanId);
        if (!writeOff?.approved_on) {
          throw ruleViolation('recovery.notWrittenOff');
        }
        if (input.date > today) throw invalidField('date', 'recovery.dateAfterToday', { today });
        if (input.date < writeOff.approved_on) {
          throw invalidField('date', 'recovery.beforeWriteOff', { date: writeOff.approved_on });
        }
        const id = await insertRecovery(trx, {
          loan_id: input.loanId,
          write_off_id: writeOff.id,
          date: input.date,
          amount: input.amount,
          method: input.method,
          reference: input.reference,
          received_by: actor.displayName,
          created_at: clock.now(),
        });
        await appendAudit(trx, ctx, { entity: 'recovery', entityId: id, action: 'record', after: input });
        return id;
      });
      return (await recoveryRows(db).where('r.id', '=', id).execute()).map(toRecovery)[0]!;
    },

    'recoveries.list': async ({ loanId, from, to }) => {
      return (await recoveryList(db, { loanId, from, to }, ctx.actor())).map(toRecovery);
    },
  };
}

function toRecovery(
  r: Awaited<ReturnType<ReturnType<typeof recoveryRows>['executeTakeFirstOrThrow']>>,
): RecoveryRow {
  return {
    id: r.id,
    loanId: r.loan_id,
    loanNumber: r.number,
    writeOffId: r.write_off_id,
    date: r.date,
    amount: r.amount,
    // recoveries.record admits only PAYMENT_METHODS, so the column holds one of them.
    method: r.method as PaymentMethod,
    reference: r.reference,
    receivedBy: r.received_by,
  };
}
