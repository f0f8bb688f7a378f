import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanComparison } from '../../../../shared/engine/plans/types';
import type { PlanPreview, PlanSpecInput } from '../../../../shared/contract';

/** The fields a candidate's editor shows, so a refusal naming one appears beside it. */
const EDITOR_FIELDS = new Set([
  'months',
  'type',
  'waivePenaltyPercent',
  'regular',
  'annualRatePercent',
  'method',
  'arrears',
  'interest',
  'amount',
  'payBy',
]);
import { useApi, useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { useRefusals } from '../../app/error-text';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card, Page } from '../../components/Page';
import { useDebounced } from '../../components/useDebounced';
import { BalanceChart } from './BalanceChart';
import { CandidateEditor, defaultSpec } from './CandidateEditor';
import { InstallmentFigure } from './InstallmentFigure';
import './plans.css';

const MONEY_FIGURES = [
  'dueNow',
  'totalToPay',
  'totalInterest',
  'penaltyWaived',
  'capitalized',
  'writtenOff',
  'presentValue',
] as const;

/** What-if: 2–4 candidate plans for one loan, side by side, computed by the plan engine. */
export function PlanComparePage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const refusals = useRefusals();
  const loanId = Number(useParams().id);
  const loan = useApi('loans.get', { id: loanId });
  const info = useApi('system.info', {});
  const today = info.data?.today ?? '';
  const [candidates, setCandidates] = useState<PlanSpecInput[] | null>(null);
  const specs =
    candidates ??
    (today
      ? [
          defaultSpec('arrears-installments', today),
          defaultSpec('extension', today),
          defaultSpec('holiday', today),
        ]
      : []);
  const settled = useDebounced(specs, 250);
  const preview = useApi('plans.preview', { loanId, candidates: settled }, { enabled: settled.length > 0 });
  const propose = useApiMutation('plans.propose', ['plans.', 'loans.']);
  // A refusal names the spec's field as `plan.<field>` (engine) or `spec.<field>` (schema); it is
  // shown beside that field in the candidate it belongs to (the proposed one, for a proposal).
  const specField = (field: string) => field.replace(/^(plan|spec)\./, '');
  const besideField = (field: string) => EDITOR_FIELDS.has(specField(field));
  const refusedOf = (spec: PlanSpecInput, result: PlanPreview | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    if (propose.variables?.spec === spec)
      for (const [field, text] of Object.entries(refusals.fieldErrors(propose.error)))
        out[specField(field)] = text;
    if (result && !result.ok)
      out[specField(result.field)] ??= refusals.word(result.reason, result.params, result.message);
    return out;
  };
  const [note, setNote] = useState('');
  if (loan.error) throw loan.error;
  if (!loan.data || !today) return null;

  const change = (i: number, spec: PlanSpecInput) => setCandidates(specs.map((s, j) => (j === i ? spec : s)));
  const results = preview.data && preview.data.length === specs.length ? preview.data : null;
  const figure = (c: PlanComparison, key: (typeof MONEY_FIGURES)[number]) => prefs.money(c[key]);

  return (
    <Page
      title={t('plans.compareTitle', { loan: loan.data.number })}
      actions={
        specs.length < 4 && (
          <button
            type="button"
            className="btn"
            onClick={() => setCandidates([...specs, defaultSpec('rate-change', today)])}
          >
            {t('plans.addCandidate')}
          </button>
        )
      }
    >
      <p className="explain">{t('plans.compareHint')}</p>
      {preview.error && <ErrorPanel error={preview.error} />}
      {propose.error && !Object.keys(refusals.fieldErrors(propose.error)).some(besideField) && (
        <ErrorPanel error={propose.error} />
      )}
      {propose.data && (
        <p className="notice" role="status" data-testid="proposed">
          {t('plans.proposed', { id: propose.data.id })} <Link to="/plans">{t('plans.title')}</Link>
        </p>
      )}
      <div className="plan-columns">
        {specs.map((spec, i) => {
          const result = results?.[i];
          return (
            <Card
              key={i}
              title={
                <>
                  {t('plans.candidate', { n: i + 1 })}
                  {specs.length > 2 && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setCandidates(specs.filter((_, j) => j !== i))}
                    >
                      {t('plans.removeCandidate')}
                    </button>
                  )}
                </>
              }
            >
              <CandidateEditor
                index={i}
                spec={spec}
                today={today}
                onChange={(s) => change(i, s)}
                refused={refusedOf(spec, result)}
              />
              {result && !result.ok && !besideField(result.field) && (
                <p className="field-error" role="alert">
                  {t('plans.cannot', {
                    message: refusals.word(result.reason, result.params, result.message),
                  })}
                </p>
              )}
              {result?.ok && (
                <dl className="facts" data-testid={`figures-${i}`}>
                  <div className="fact">
                    <dt>{t('plans.figures.installmentAmount')}</dt>
                    <dd data-testid={`figure-${i}-installmentAmount`}>
                      <InstallmentFigure comparison={result.comparison} />
                    </dd>
                  </div>
                  {MONEY_FIGURES.map((key) => (
                    <div className="fact" key={key}>
                      <dt>{t(`plans.figures.${key}`)}</dt>
                      <dd data-testid={`figure-${i}-${key}`}>{figure(result.comparison, key)}</dd>
                    </div>
                  ))}
                  <div className="fact">
                    <dt>{t('plans.figures.installmentCount')}</dt>
                    <dd>{result.comparison.installmentCount}</dd>
                  </div>
                  <div className="fact">
                    <dt>{t('plans.figures.endDate')}</dt>
                    <dd data-testid={`figure-${i}-endDate`}>
                      {result.comparison.endDate ? prefs.date(result.comparison.endDate) : '—'}
                    </dd>
                  </div>
                </dl>
              )}
              {result?.ok && (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={propose.isPending}
                  onClick={() => propose.mutate({ loanId, spec, note })}
                >
                  {t('plans.propose')}
                </button>
              )}
            </Card>
          );
        })}
      </div>
      <Card>
        <label htmlFor="plan-note">{t('plans.note')}</label>
        <textarea id="plan-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Card>
      {results && (
        <Card>
          <BalanceChart
            plans={results.flatMap((r, i) =>
              r.ok ? [{ label: `${i + 1}. ${t(`plans.types.${r.spec.type}`)}`, balances: r.balances }] : [],
            )}
          />
        </Card>
      )}
    </Page>
  );
}
