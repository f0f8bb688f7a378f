import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LEGAL_STAGES, type LegalCaseDetail, type LegalStage } from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { FRESH } from './fresh';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card, Facts, Page } from '../../components/Page';
import { Field } from '../../components/form';
import { DateField } from '../../components/DateField';
import { parseMoneyInput } from '../../format/format';
import './collections.css';

export function LegalCasesPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const cases = useApi('collections.legalCases', {}, FRESH);
  if (cases.error) throw cases.error;
  const rows = cases.data ?? [];
  return (
    <Page title={t('collections.legal.open')}>
      {rows.length === 0 ? (
        <p className="muted">{t('collections.legal.none')}</p>
      ) : (
        <table className="grid" data-testid="legal-cases">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('collections.columns.loan')}</th>
              <th>{t('collections.columns.borrower')}</th>
              <th>{t('collections.legal.stage')}</th>
              <th>{t('collections.legal.court')}</th>
              <th>{t('collections.legal.caseNumber')}</th>
              <th>{t('collections.legal.openedOn')}</th>
              <th className="num">{t('collections.legal.costs')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/collections/legal/${c.id}`}>#{c.id}</Link>
                </td>
                <td>{c.loanNumber}</td>
                <td>{c.borrower}</td>
                <td>{t(`collections.legal.stages.${c.stage}`)}</td>
                <td>{c.court}</td>
                <td>{c.caseNumber}</td>
                <td>{prefs.date(c.openedOn)}</td>
                <td className="num">{prefs.money(c.totalCosts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

function AdvanceForm({ c, today }: { c: LegalCaseDetail; today: string }) {
  const { t } = useTranslation();
  const advance = useApiMutation('collections.advanceLegalCase', ['collections.']);
  const next = LEGAL_STAGES[Math.min(LEGAL_STAGES.indexOf(c.stage) + 1, LEGAL_STAGES.length - 1)]!;
  const [v, setV] = useState({
    stage: next as LegalStage,
    date: today,
    note: '',
    cost: '',
    chargeToLoan: false,
    court: '',
    caseNumber: '',
    lawyer: '',
    outcome: '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    advance.mutate({ caseId: c.id, ...v, cost: parseMoneyInput(v.cost) ?? 0 });
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <Field label={t('collections.legal.stage')} htmlFor="l-stage">
        <select id="l-stage" value={v.stage} onChange={set('stage')}>
          {LEGAL_STAGES.slice(LEGAL_STAGES.indexOf(c.stage)).map((s) => (
            <option key={s} value={s}>
              {t(`collections.legal.stages.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collections.legal.date')} htmlFor="l-date">
        <DateField id="l-date" latest={today} value={v.date} onChange={(date) => setV({ ...v, date })} />
      </Field>
      <Field label={t('collections.legal.court')} htmlFor="l-court">
        <input id="l-court" value={v.court} placeholder={c.court} onChange={set('court')} />
      </Field>
      <Field label={t('collections.legal.caseNumber')} htmlFor="l-case-number">
        <input
          id="l-case-number"
          value={v.caseNumber}
          placeholder={c.caseNumber}
          onChange={set('caseNumber')}
        />
      </Field>
      <Field label={t('collections.legal.lawyer')} htmlFor="l-lawyer">
        <input id="l-lawyer" value={v.lawyer} placeholder={c.lawyer} onChange={set('lawyer')} />
      </Field>
      <Field label={t('collections.legal.cost')} htmlFor="l-cost">
        <input id="l-cost" inputMode="decimal" value={v.cost} onChange={set('cost')} />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={v.chargeToLoan}
          onChange={(e) => setV({ ...v, chargeToLoan: e.target.checked })}
        />
        {t('collections.legal.chargeToLoan')}
      </label>
      <Field label={t('collections.legal.note')} htmlFor="l-note">
        <input id="l-note" value={v.note} onChange={set('note')} />
      </Field>
      {v.stage === 'closed' && (
        <Field label={t('collections.legal.outcome')} htmlFor="l-outcome">
          <input id="l-outcome" value={v.outcome} onChange={set('outcome')} />
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={advance.isPending}>
          {t('collections.legal.record')}
        </button>
      </div>
      {advance.error && <ErrorPanel error={advance.error} />}
    </form>
  );
}

export function LegalCasePage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const caseId = Number(useParams().id);
  const detail = useApi('collections.legalCase', { caseId }, FRESH);
  const info = useApi('system.info', {});
  if (detail.error) throw detail.error;
  const c = detail.data;
  if (!c || !info.data) return null;
  return (
    <Page
      title={t('collections.legal.case', { id: c.id, number: c.loanNumber })}
      actions={<Link to={`/collections/loans/${c.loanId}`}>{t('collections.letters.back')}</Link>}
    >
      <Card>
        <Facts
          items={[
            [t('collections.columns.borrower'), c.borrower],
            [
              t('collections.legal.stage'),
              <span data-testid="legal-stage">{t(`collections.legal.stages.${c.stage}`)}</span>,
            ],
            [t('collections.legal.court'), c.court || '—'],
            [t('collections.legal.caseNumber'), c.caseNumber || '—'],
            [t('collections.legal.lawyer'), c.lawyer || '—'],
            [t('collections.legal.openedOn'), prefs.date(c.openedOn)],
            [t('collections.legal.costs'), prefs.money(c.totalCosts)],
            [t('collections.legal.charged'), prefs.money(c.costsChargedToLoan)],
            ...(c.closedOn ? ([[t('collections.legal.outcome'), c.outcome]] as [string, string][]) : []),
          ]}
        />
      </Card>
      <Card title={t('collections.legal.events')}>
        <ol className="timeline">
          {c.events.map((e) => (
            <li key={e.id}>
              <span className="muted">{prefs.date(e.date)}</span>{' '}
              <strong>{t(`collections.legal.stages.${e.stage}`)}</strong>
              {e.cost > 0 &&
                ` · ${prefs.money(e.cost)}${e.chargeToLoan ? ` (${t('collections.legal.charged')})` : ''}`}
              {e.note && ` · ${e.note}`}
            </li>
          ))}
        </ol>
      </Card>
      {!c.closedOn && (
        <Card title={t('collections.legal.record')}>
          <AdvanceForm key={c.stage} c={c} today={info.data.today} />
        </Card>
      )}
    </Page>
  );
}
