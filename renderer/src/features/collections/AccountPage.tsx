import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContactRow } from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { FRESH } from './fresh';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { ReasonDialog } from '../../components/ReasonDialog';
import { LoanStandingBadges } from '../../components/badges';
import { Card, Facts, Page } from '../../components/Page';
import { ContactForm } from './ContactForm';
import { ContactList, PromiseList } from './ContactList';
import { CollectionsTimeline } from './CollectionsTimeline';
import { PlanVisitForm, VisitList } from './Visits';
import { markVisited, useNextAccount } from './next-account';
import { CollectorSelect } from './CollectorPicker';
import { Dialog } from '../../components/Dialog';
import { KeyHint, useAltShortcut } from '../../components/shortcuts';
import { RecordPaymentDialog } from '../payments/RecordPaymentDialog';
import './collections.css';

/** One account being worked: what is owed, what was said and promised, and what to do next. */
export function AccountPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const navigate = useNavigate();
  const loanId = Number(useParams().loanId);
  const account = useApi('collections.account', { loanId }, FRESH);
  const assign = useApiMutation('collections.assign', ['collections.']);
  const unreachable = useApiMutation('collections.setUnreachable', ['collections.']);
  const escalate = useApiMutation('collections.openLegalCase', ['collections.', 'loans.']);
  const info = useApi('system.info', {});
  const [amending, setAmending] = useState<ContactRow | null>(null);
  const [planning, setPlanning] = useState(false);
  const [collector, setCollector] = useState('');
  const [done, setDone] = useState(false);
  const [marking, setMarking] = useState(false);
  const [paying, setPaying] = useState(false);
  const [receiptId, setReceiptId] = useState<number | null>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const next = useNextAccount(
    (found) => {
      markVisited(found);
      setAmending(null);
      setReceiptId(null);
      navigate(`/collections/loans/${found}`);
    },
    () => setDone(true),
  );
  const a = account.data;
  const goNext = () => {
    markVisited(loanId);
    next.find({}, loanId);
  };
  // The day's work without the mouse: next account, take a payment, log the call.
  useAltShortcut('n', goNext, Boolean(a) && !next.pending);
  useAltShortcut('p', () => setPaying(true), Boolean(a && info.data));
  useAltShortcut('l', () => logRef.current?.querySelector<HTMLElement>('select, input, textarea')?.focus());
  if (account.error) throw account.error;
  if (!a) return null;

  const toggleUnreachable = () => {
    if (a.unreachable) return unreachable.mutate({ borrowerId: a.borrower.id, unreachable: false });
    unreachable.reset();
    setMarking(true);
  };

  return (
    <Page
      title={
        <>
          {t('collections.account.title', { number: a.loanNumber })}{' '}
          <LoanStandingBadges status={a.status} dpd={a.daysPastDue} bucket={a.bucket} />
        </>
      }
      actions={
        <>
          <Link to="/collections">{t('collections.backToList')}</Link>
          <Link to={`/collections/loans/${a.loanId}/letter`}>{t('collections.letters.open')}</Link>
          <Link to={`/loans/${a.loanId}`}>{t('collections.account.openLoan')}</Link>
          <button
            type="button"
            className="btn"
            onClick={() => setPaying(true)}
            disabled={!info.data}
            aria-keyshortcuts="Alt+P"
          >
            {t('payments.record')}
            <KeyHint letter="p" />
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={goNext}
            disabled={next.pending}
            aria-keyshortcuts="Alt+N"
          >
            {t('collections.nextAccount')}
            <KeyHint letter="n" />
          </button>
        </>
      }
    >
      {done && (
        <p className="explain" role="status">
          {t('collections.allDone')}
        </p>
      )}
      {receiptId !== null && (
        <p className="explain" role="status">
          {t('collections.account.paymentRecorded')}{' '}
          <Link to={`/payments/${receiptId}/receipt`}>{t('collections.account.viewReceipt')}</Link>
        </p>
      )}
      <p className="muted no-print">{t('collections.account.keysHelp')}</p>
      <Card>
        <Facts
          items={[
            [
              t('collections.columns.borrower'),
              `${a.borrower.name} · ${a.borrower.idNumberMasked} · ${a.borrower.phone}`,
            ],
            [
              t('collections.account.borrowerTime'),
              <span data-testid="borrower-time">{`${a.borrower.timeZone} ${prefs.dateTime(a.borrowerLocalNow)}`}</span>,
            ],
            [t('collections.columns.overdue'), prefs.money(a.overdueAmount)],
            [t('collections.dossier.outstanding'), prefs.money(a.outstandingPrincipal)],
            [t('collections.account.profile'), t(`collections.profiles.${a.profile}`)],
            [t('collections.collector'), a.collector ?? t('collections.unassigned')],
          ]}
        />
        <div className="toolbar no-print">
          <CollectorSelect value={collector} onChange={setCollector} />
          <button
            type="button"
            className="btn"
            disabled={!collector.trim()}
            onClick={() => assign.mutate({ loanIds: [a.loanId], collector: collector.trim() })}
          >
            {t('collections.account.assign')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() =>
              void escalate
                .mutateAsync({ loanId: a.loanId, date: info.data?.today ?? '' })
                .then(({ id }) => navigate(`/collections/legal/${id}`))
                .catch(() => undefined)
            }
          >
            {t('collections.legal.escalate')}
          </button>
          <button type="button" className="btn" onClick={toggleUnreachable}>
            {a.unreachable
              ? t('collections.account.clearUnreachable')
              : t('collections.account.markUnreachable')}
          </button>
          {a.unreachable && <span className="badge badge-warn">{t('collections.account.unreachable')}</span>}
        </div>
        {next.error && <ErrorPanel error={next.error} />}
        {assign.error && <ErrorPanel error={assign.error} />}
        {unreachable.error && !marking && <ErrorPanel error={unreachable.error} />}
        <ReasonDialog
          open={marking}
          title={t('collections.account.markUnreachable')}
          question={t('collections.account.unreachableReason')}
          danger={false}
          pending={unreachable.isPending}
          error={unreachable.error}
          onConfirm={(reason) =>
            unreachable.mutate(
              { borrowerId: a.borrower.id, unreachable: true, reason },
              { onSuccess: () => setMarking(false) },
            )
          }
          onClose={() => setMarking(false)}
        />
        {escalate.error && <ErrorPanel error={escalate.error} />}
      </Card>
      <div className="two-col">
        <Card title={t('collections.contact.log')}>
          <div ref={logRef}>
            <ContactForm
              key={amending?.id ?? 'new'}
              account={a}
              amending={amending}
              onAmended={() => setAmending(null)}
            />
          </div>
        </Card>
        <div>
          <Card title={t('collections.promise.title')}>
            <PromiseList promises={a.promises} />
          </Card>
          <Card title={t('collections.visit.title')}>
            {planning ? (
              <PlanVisitForm account={a} onDone={() => setPlanning(false)} />
            ) : (
              <button type="button" className="btn" onClick={() => setPlanning(true)}>
                {t('collections.visit.plan')}
              </button>
            )}
            <VisitList visits={a.visits} />
          </Card>
        </div>
      </div>
      <Card title={t('collections.contact.history')}>
        <ContactList contacts={a.contacts} onAmend={setAmending} />
      </Card>
      <CollectionsTimeline loanId={a.loanId} />
      {info.data && (
        <Dialog
          open={paying}
          title={`${t('payments.record')} · ${a.loanNumber}`}
          onClose={() => setPaying(false)}
          wide
        >
          <RecordPaymentDialog
            loanId={a.loanId}
            today={info.data.today}
            onDone={() => setPaying(false)}
            onRecorded={setReceiptId}
          />
        </Dialog>
      )}
    </Page>
  );
}
