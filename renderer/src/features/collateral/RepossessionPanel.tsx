import { useState, type FormEvent } from 'react';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  OPEN_STATUSES,
  SALE_CHANNELS,
  type CollateralDetail,
  type RepossessionKind,
  type RepossessionStepInput,
  type RepossessionStepRow,
  type RepossessionView,
  type SaleChannel,
} from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Field } from '../../components/form';
import { AmountField } from '../../components/NumberField';
import { DateField } from '../../components/DateField';
import { parseMoneyInput } from '../../format/format';
import { useFieldErrors, useCollateralMutation } from './shared-ui';

const money = (s: string) => parseMoneyInput(s) ?? (s.trim() === '' ? 0 : -1);

/** What a step recorded, in one line. */
function StepFacts({ s }: { s: RepossessionStepRow }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const m = (v: number | null) => (v === null ? '' : prefs.money(v));
  const parts: string[] = [];
  if (s.location) parts.push(s.location);
  if (s.storageCost || s.towingCost)
    parts.push(t('collateral.repo.costsLine', { storage: m(s.storageCost), towing: m(s.towingCost) }));
  if (s.channel) parts.push(t(`collateral.repo.channels.${s.channel}`));
  if (s.askingPrice) parts.push(t('collateral.repo.askingLine', { amount: m(s.askingPrice) }));
  if (s.buyer) parts.push(s.buyer);
  if (s.grossPrice !== null)
    parts.push(t('collateral.repo.soldLine', { gross: m(s.grossPrice), costs: m(s.sellingCosts) }));
  if (s.appliedAmount !== null)
    parts.push(t('collateral.repo.appliedLine', { net: m(s.netProceeds), applied: m(s.appliedAmount) }));
  if (s.surplus) parts.push(t('collateral.repo.surplusLine', { amount: m(s.surplus) }));
  if (s.deficiency) parts.push(t('collateral.repo.deficiencyLine', { amount: m(s.deficiency) }));
  if (s.note) parts.push(s.note);
  return <>{parts.join(' · ')}</>;
}

function CaseView({ view, today }: { view: RepossessionView; today: string }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const reverse = useCollateralMutation('repossession.reverse');
  const [undoing, setUndoing] = useState(false);
  const undo = () => {
    reverse.reset();
    setUndoing(true);
  };
  return (
    <div className="repossession" data-testid={`repossession-${view.id}`}>
      <ReasonDialog
        open={undoing}
        title={
          view.stage ? t('collateral.repo.reverse', { step: t(`collateral.repo.steps.${view.stage}`) }) : ''
        }
        question={t('collateral.repo.reverseReason')}
        pending={reverse.isPending}
        error={reverse.error}
        onConfirm={(reason) =>
          reverse.mutate({ repossessionId: view.id, reason }, { onSuccess: () => setUndoing(false) })
        }
        onClose={() => setUndoing(false)}
      />
      <p>
        <strong>{t(`collateral.repo.kinds.${view.kind}`)}</strong> ·{' '}
        <Link to={`/loans/${view.loanId}`}>{view.loanNumber}</Link> ·{' '}
        {view.stage ? t(`collateral.repo.steps.${view.stage}`) : t('collateral.repo.cancelled')}
      </p>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('collateral.repo.step')}</th>
            <th>{t('collateral.repo.date')}</th>
            <th>{t('collateral.repo.details')}</th>
            <th>{t('collateral.repo.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {view.steps.map((s) => (
            <tr key={s.id} className={s.reversed ? 'muted' : ''}>
              <td>
                {s.reversed ? (
                  <s>{t(`collateral.repo.steps.${s.step}`)}</s>
                ) : (
                  t(`collateral.repo.steps.${s.step}`)
                )}
              </td>
              <td>{prefs.date(s.date)}</td>
              <td>
                <StepFacts s={s} />
                {s.reversed && (
                  <div>
                    {t('collateral.repo.reversedLine', {
                      by: s.reversed.by,
                      at: prefs.dateTime(s.reversed.at),
                      reason: s.reversed.reason,
                    })}
                  </div>
                )}
              </td>
              <td>
                {s.recordedBy} · {prefs.dateTime(s.recordedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        {view.stage && (
          <button type="button" className="btn btn-danger" onClick={undo}>
            {t('collateral.repo.reverse', { step: t(`collateral.repo.steps.${view.stage}`) })}
          </button>
        )}
      </div>
      {reverse.error && <ErrorPanel error={reverse.error} />}
      {view.next && view.stage && <NextStepForm view={view} today={today} />}
    </div>
  );
}

function NextStepForm({ view, today }: { view: RepossessionView; today: string }) {
  const { t } = useTranslation();
  const record = useCollateralMutation('repossession.record');
  const [f, setF] = useState({
    date: today,
    location: '',
    storage: '',
    towing: '',
    channel: 'auction' as SaleChannel,
    asking: '',
    buyer: '',
    gross: '',
    selling: '',
    note: '',
  });
  const errors = useFieldErrors(record.error);
  const next = view.next!;
  const input = (key: keyof typeof f, label: string, extra = {}) => (
    <Field label={label} htmlFor={`rp-${key}`} error={errors[`step.${key}`]}>
      <input
        id={`rp-${key}`}
        value={f[key]}
        onChange={(e) => setF({ ...f, [key]: e.target.value })}
        {...extra}
      />
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const base = { date: f.date, note: f.note };
    const step: RepossessionStepInput =
      next === 'possessed'
        ? {
            step: next,
            ...base,
            location: f.location,
            storageCost: money(f.storage),
            towingCost: money(f.towing),
          }
        : next === 'listed'
          ? { step: next, ...base, channel: f.channel, askingPrice: money(f.asking) }
          : next === 'sold'
            ? {
                step: next,
                ...base,
                buyer: f.buyer,
                grossPrice: money(f.gross),
                sellingCosts: money(f.selling),
              }
            : { step: next as 'applied' | 'settled', ...base }; // 'ordered' is never a next step
    record.mutate({ repossessionId: view.id, step });
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label={t(`collateral.repo.record.${next}`)}>
      <Field label={t('collateral.repo.date')} htmlFor="rp-date" error={errors['step.date'] ?? errors.date}>
        <DateField id="rp-date" latest={today} value={f.date} onChange={(date) => setF({ ...f, date })} />
      </Field>
      {next === 'possessed' && (
        <>
          {input('location', t('collateral.repo.location'))}
          {input('storage', t('collateral.repo.storageCost'), { inputMode: 'decimal' })}
          {input('towing', t('collateral.repo.towingCost'), { inputMode: 'decimal' })}
        </>
      )}
      {next === 'listed' && (
        <>
          <Field label={t('collateral.repo.channel')} htmlFor="rp-channel">
            <select
              id="rp-channel"
              value={f.channel}
              onChange={(e) => setF({ ...f, channel: e.target.value as SaleChannel })}
            >
              {SALE_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`collateral.repo.channels.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          {input('asking', t('collateral.repo.askingPrice'), { inputMode: 'decimal' })}
        </>
      )}
      {next === 'sold' && (
        <>
          {input('buyer', t('collateral.repo.buyer'))}
          <Field label={t('collateral.repo.grossPrice')} htmlFor="rp-gross" error={errors['step.grossPrice']}>
            <AmountField id="rp-gross" value={f.gross} onChange={(gross) => setF({ ...f, gross })} />
          </Field>
          <Field
            label={t('collateral.repo.sellingCosts')}
            htmlFor="rp-selling"
            error={errors['step.sellingCosts']}
          >
            <AmountField id="rp-selling" value={f.selling} onChange={(selling) => setF({ ...f, selling })} />
          </Field>
        </>
      )}
      {next === 'applied' && <p className="muted">{t('collateral.repo.applyHelp')}</p>}
      {next === 'settled' && <p className="muted">{t('collateral.repo.settleHelp')}</p>}
      {input('note', t('collateral.repo.note'))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {t(`collateral.repo.record.${next}`)}
        </button>
      </div>
      {record.error && Object.keys(errors).length === 0 && <ErrorPanel error={record.error} />}
    </form>
  );
}

function StartForm({ item, today }: { item: CollateralDetail; today: string }) {
  const { t } = useTranslation();
  const start = useCollateralMutation('repossession.start');
  const loans = item.loans.filter((l) => OPEN_STATUSES.includes(l.status));
  const kinds: RepossessionKind[] =
    item.kind === 'vehicle' ? ['repossession'] : ['foreclosure', 'judicial-auction'];
  const [loanId, setLoanId] = useState(loans[0]?.loanId ?? 0);
  const [kind, setKind] = useState<RepossessionKind>(kinds[0]!);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (loans.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.reset();
    setConfirming(true);
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <ReasonDialog
        open={confirming}
        title={t('collateral.repo.start')}
        question={t('collateral.repo.confirmStart')}
        askReason={false}
        pending={start.isPending}
        error={start.error}
        onConfirm={() =>
          start.mutate(
            { itemId: item.id, loanId, kind, date, note },
            { onSuccess: () => setConfirming(false) },
          )
        }
        onClose={() => setConfirming(false)}
      />
      <Field label={t('collateral.repo.loan')} htmlFor="rs-loan">
        <select id="rs-loan" value={loanId} onChange={(e) => setLoanId(Number(e.target.value))}>
          {loans.map((l) => (
            <option key={l.loanId} value={l.loanId}>
              {l.number}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collateral.repo.kind')} htmlFor="rs-kind">
        <select id="rs-kind" value={kind} onChange={(e) => setKind(e.target.value as RepossessionKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`collateral.repo.kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collateral.repo.date')} htmlFor="rs-date">
        <DateField id="rs-date" latest={today} value={date} onChange={setDate} />
      </Field>
      <Field label={t('collateral.repo.note')} htmlFor="rs-note">
        <input id="rs-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" disabled={start.isPending}>
          {t('collateral.repo.start')}
        </button>
      </div>
      {start.error && <ErrorPanel error={start.error} />}
    </form>
  );
}

/** Repossession through sale for one item: its cases, step by step, and the next step to record. */
export function RepossessionPanel({ item, today }: { item: CollateralDetail; today: string }) {
  const { t } = useTranslation();
  const running = item.repossessions.some((r) => r.stage !== null && r.next !== null);
  return (
    <Card title={t('collateral.repo.title')}>
      {item.repossessions.length === 0 && <p className="muted">{t('collateral.repo.none')}</p>}
      {item.repossessions.map((r) => (
        <CaseView key={r.id} view={r} today={today} />
      ))}
      {!running && item.status === 'active' && <StartForm item={item} today={today} />}
    </Card>
  );
}
