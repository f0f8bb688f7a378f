import { useTranslation } from 'react-i18next';
import {
  GRADES_OF,
  type MigrationFrom,
  type MigrationTo,
  type MonthClassification,
} from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';
import { CountCell, KeyValues, Section } from '../reports/report-parts';

const rate = (s: string | null) => (s === null ? '—' : `${(Number(s) * 100).toFixed(2)}%`);

/**
 * The report's "Classification and provisions": loans and balances per grade with the provision
 * each requires, the NPL ratio and provision coverage, the provision account's movement over the
 * month, and the migration matrix (rows: grade at the month before's end; columns: now).
 */
export function ClassificationSection({ c }: { c: MonthClassification }) {
  const { t } = useTranslation();
  const { money, date } = usePrefs();
  const grades = GRADES_OF[c.profile];
  const gradeName = (g: MigrationFrom | MigrationTo) =>
    g === 'new' || g === 'closed' || g === 'written-off'
      ? t(`reports.risk.moves.${g}`)
      : t(`loans.risk.grades.${g}`);
  const froms: MigrationFrom[] = [...grades, 'new'];
  const tos: MigrationTo[] = [...grades, 'closed', 'written-off'];
  const cell = (from: MigrationFrom, to: MigrationTo) =>
    c.migration.find((m) => m.from === from && m.to === to);
  const m = c.movement;
  return (
    <>
      <Section title={t('reports.sections.classification')}>
        <p className="muted">
          {t('reports.risk.basis', { profile: t(`loans.risk.profile.${c.profile}`), date: date(c.asOf) })}
        </p>
        <table className="grid compact" data-testid="classification-grades">
          <thead>
            <tr>
              <th>{t('reports.risk.grade')}</th>
              <th className="num">{t('reports.risk.loans')}</th>
              <th className="num">{t('reports.risk.outstanding')}</th>
              <th className="num">{t('reports.risk.provision')}</th>
            </tr>
          </thead>
          <tbody>
            {c.grades.map((g) => (
              <tr key={g.grade}>
                <th>{t(`loans.risk.grades.${g.grade}`)}</th>
                <td className="num">{g.loans}</td>
                <td className="num">{money(g.outstanding)}</td>
                <td className="num">{money(g.provision)}</td>
              </tr>
            ))}
            <tr>
              <th>{t('reports.fig.all')}</th>
              <td className="num">{c.loans}</td>
              <td className="num">{money(c.outstanding)}</td>
              <td className="num">{money(c.provision)}</td>
            </tr>
          </tbody>
        </table>
        <table className="grid compact" data-testid="classification-products">
          <thead>
            <tr>
              <th>{t('reports.fig.product')}</th>
              <th className="num">{t('reports.risk.loans')}</th>
              <th className="num">{t('reports.risk.outstanding')}</th>
              <th className="num">{t('reports.risk.nonPerforming')}</th>
              <th className="num">{t('reports.risk.provision')}</th>
            </tr>
          </thead>
          <tbody>
            {c.products.map((p) => (
              <tr key={p.product}>
                <th>{t(`common.products.${p.product}`)}</th>
                <td className="num">{p.loans}</td>
                <td className="num">{money(p.outstanding)}</td>
                <td className="num">{money(p.nonPerforming)}</td>
                <td className="num">{money(p.provision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="two-col">
          <KeyValues
            rows={[
              [t('reports.risk.nonPerforming'), money(c.nonPerforming)],
              [t('reports.risk.nplRatio'), rate(c.nplRatio)],
              [t('reports.risk.coverage'), rate(c.coverage)],
            ]}
          />
          <KeyValues
            rows={[
              [t('reports.risk.opening'), money(m.opening)],
              [t('reports.risk.charge'), money(m.charge)],
              [t('reports.risk.release'), money(m.release)],
              [t('reports.risk.used'), money(m.usedByWriteOffs)],
              [t('reports.risk.closing'), money(m.closing)],
            ]}
          />
        </div>
      </Section>
      <Section title={t('reports.sections.migration')}>
        <table className="grid compact" data-testid="classification-migration">
          <thead>
            <tr>
              <th>{t('reports.fig.from')}</th>
              {tos.map((to) => (
                <th key={to} className="num">
                  {gradeName(to)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {froms.map((from) => (
              <tr key={from}>
                <th>{gradeName(from)}</th>
                {tos.map((to) => (
                  <CountCell
                    key={to}
                    loans={cell(from, to)?.loans ?? 0}
                    amount={cell(from, to)?.outstanding ?? 0}
                    money={money}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
