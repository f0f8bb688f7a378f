import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import {
  MoneyReceivedFields,
  moneyReceivedSchema,
  type MoneyReceivedValues,
} from '../payments/MoneyReceivedFields';
import { wordedResolver } from '../../components/worded-resolver';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  OPEN_STATUSES,
  requestReference,
  type LoanStatus,
  type WriteOffRow,
} from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/form';
import { Card, Facts } from '../../components/Page';
import { parseMoneyInput } from '../../format/format';
import { useCurrentUser } from '../access/current-user';
import { DecisionButtons } from '../access/DecisionButtons';

/** What the write-off screens need to know about the loan on the page. */
interface LoanForWriteOff {
  id: number;
  number: string;
  status: LoanStatus;
  payoff: number;
}

/** Reads that change when a write-off is decided or a recovery recorded. */
const WRITE_OFF_READS = ['writeOffs.', 'recoveries.', 'loans.', 'borrowers.', 'reports.'];

/**
 * The loan page's write-off actions: ask for a write-off of an open loan (a second user approves
 * it in the approvals list), and record money received after the write-off as a recovery — a
 * written-off loan takes no payments.
 */
export function WriteOffActions({ loan, today }: { loan: LoanForWriteOff; today: string }) {
  const { t } = useTranslation();
  const { may } = useCurrentUser();
  const writeOffs = useApi('writeOffs.list', { loanId: loan.id });
  const [dialog, setDialog] = useState<'request' | 'recovery' | null>(null);
  const pending = writeOffs.data?.some((w) => w.status === 'proposed') ?? true;
  const canRequest = OPEN_STATUSES.includes(loan.status) && !pending && may('book.write');
  const canRecover = loan.status === 'written-off' && may('payments.record');
  const close = () => setDialog(null);
  return (
    <>
      {canRequest && (
        <button type="button" className="btn" onClick={() => setDialog('request')}>
          {t('plans.writeOff.request')}
        </button>
      )}
      {canRecover && (
        <button type="button" className="btn btn-primary" onClick={() => setDialog('recovery')}>
          {t('plans.writeOff.recordRecovery')}
        </button>
      )}
      <Dialog
        open={dialog === 'request'}
        title={`${t('plans.writeOff.request')} · ${loan.number}`}
        onClose={close}
      >
        <RequestWriteOffForm loan={loan} onDone={close} />
      </Dialog>
      <Dialog
        open={dialog === 'recovery'}
        title={`${t('plans.writeOff.recordRecovery')} · ${loan.number}`}
        onClose={close}
      >
        <RecoveryForm loanId={loan.id} today={today} onDone={close} />
      </Dialog>
    </>
  );
}

function RequestWriteOffForm({ loan, onDone }: { loan: LoanForWriteOff; onDone: () => void }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const request = useApiMutation('writeOffs.request', WRITE_OFF_READS);
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await request.mutateAsync({ loanId: loan.id, reason });
    onDone();
  };
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
      <Field label={t('plans.writeOff.amountNow')} htmlFor="wo-amount" hint={t('plans.writeOff.amountHint')}>
        <output id="wo-amount" data-testid="write-off-amount">
          {prefs.money(loan.payoff)}
        </output>
      </Field>
      <Field label={t('plans.writeOff.reason')} htmlFor="wo-reason">
        <textarea
          id="wo-reason"
          autoFocus
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={request.isPending}>
          {t('plans.writeOff.send')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {request.error && <ErrorPanel error={request.error} />}
    </form>
  );
}

function RecoveryForm({ loanId, today, onDone }: { loanId: number; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useApiMutation('recoveries.record', WRITE_OFF_READS);
  const form = useForm<MoneyReceivedValues>({
    resolver: wordedResolver(moneyReceivedSchema),
    defaultValues: { date: today, amount: '', method: 'cash', reference: '' },
  });
  const onSubmit = form.handleSubmit(async (v) => {
    await record.mutateAsync({
      loanId,
      date: v.date,
      amount: parseMoneyInput(v.amount) ?? 0,
      method: v.method,
      reference: v.reference,
    });
    onDone();
  });
  return (
    <form className="form-grid" onSubmit={(e) => void onSubmit(e).catch(() => undefined)} noValidate>
      <p className="muted">{t('plans.writeOff.recoveryHint')}</p>
      <MoneyReceivedFields form={form} today={today} idPrefix="r" />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {t('plans.writeOff.saveRecovery')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {record.error && <ErrorPanel error={record.error} />}
    </form>
  );
}

/** The loan's write-off requests and, once written off, the amount and every recovery since. */
export function WriteOffCard({ loanId }: { loanId: number }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const writeOffs = useApi('writeOffs.list', { loanId });
  const approved = writeOffs.data?.find((w) => w.status === 'approved');
  const recoveries = useApi('recoveries.list', { loanId }, { enabled: approved !== undefined });
  if (writeOffs.error) return <ErrorPanel error={writeOffs.error} />;
  if (!writeOffs.data || writeOffs.data.length === 0) return null;
  const recovered = (recoveries.data ?? []).reduce((sum, r) => sum + r.amount, 0);
  return (
    <Card title={t('plans.writeOff.title')}>
      <ul data-testid="write-off-requests">
        {writeOffs.data.map((w) => (
          <li key={w.id}>
            {requestReference('write-off', w.id)} · {t(`plans.writeOff.status.${w.status}`)} ·{' '}
            {t('plans.writeOff.requestedBy', { name: w.requestedBy })}
            {w.reason ? ` · ${w.reason}` : ''}
            {w.decidedBy ? ` · ${t('plans.writeOff.decidedBy', { name: w.decidedBy })}` : ''}
            {w.decisionNote ? ` · ${w.decisionNote}` : ''}
          </li>
        ))}
      </ul>
      {approved && approved.amount !== null && approved.approvedOn && (
        <>
          <Facts
            items={[
              [
                t('plans.writeOff.amount'),
                <span key="a" data-testid="written-off-amount">
                  {prefs.money(approved.amount)}
                </span>,
              ],
              [t('plans.writeOff.principal'), prefs.money(approved.principal ?? 0)],
              [t('plans.writeOff.approvedOn'), prefs.date(approved.approvedOn)],
              [
                t('plans.writeOff.recovered'),
                <span key="r" data-testid="recovered-total">
                  {prefs.money(recovered)}
                </span>,
              ],
            ]}
          />
          <h3>{t('plans.writeOff.recoveries')}</h3>
          {recoveries.error && <ErrorPanel error={recoveries.error} />}
          {recoveries.data?.length === 0 && <p className="muted">{t('plans.writeOff.noRecoveries')}</p>}
          {recoveries.data && recoveries.data.length > 0 && (
            <table className="grid" aria-label={t('plans.writeOff.recoveries')}>
              <thead>
                <tr>
                  <th>{t('payments.date')}</th>
                  <th className="num">{t('payments.amount')}</th>
                  <th>{t('payments.method')}</th>
                  <th>{t('payments.reference')}</th>
                  <th>{t('plans.writeOff.receivedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {recoveries.data.map((r) => (
                  <tr key={r.id}>
                    <td>{prefs.date(r.date)}</td>
                    <td className="num">{prefs.money(r.amount)}</td>
                    <td>{t(`common.paymentMethods.${r.method}`)}</td>
                    <td>{r.reference}</td>
                    <td>{r.receivedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}

/**
 * A write-off waiting for a second user, as a row of the approvals list. Write-offs keep their own
 * table and decision (`writeOffs.decide`), so the list shows them beside the generic requests.
 */
export function WriteOffApprovalRow({ writeOff: w }: { writeOff: WriteOffRow }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const decide = useApiMutation('writeOffs.decide', WRITE_OFF_READS);
  const own = user?.userId === w.requestedByUserId;
  const reference = requestReference('write-off', w.id);
  return (
    <tr data-testid={`write-off-approval-${w.id}`}>
      <td className="num">{reference}</td>
      <td>
        {t('access.kinds.write-off')} · <Link to={`/loans/${w.loanId}`}>{w.loanNumber}</Link>
      </td>
      <td>{w.requestedBy}</td>
      <td>{w.reason}</td>
      <td>
        <DecisionButtons
          reference={reference}
          what={`${t('access.kinds.write-off')} · ${w.loanNumber}`}
          givesAway={w.amount}
          own={own}
          ownReason={t('plans.writeOff.ownRequest')}
          pending={decide.isPending}
          error={decide.error}
          onDecide={(approve, note) =>
            decide.mutate({ writeOffId: w.id, decision: approve ? 'approve' : 'reject', note })
          }
        />
      </td>
    </tr>
  );
}
