import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { FRESH } from './fresh';
import { usePrefs } from '../../app/prefs';
import { Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import { ContactList, PromiseList } from './ContactList';
import './collections.css';
import { Letterhead } from '../../components/Letterhead';

const CHECKS = ['pair', 'identify', 'calm', 'privacy', 'hours', 'record'] as const;

/** The A4 preparation dossier two collectors take to an on-site visit. IDs are masked. */
export function DossierPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const visitId = Number(useParams().id);
  const dossier = useApi('collections.dossier', { visitId }, FRESH);
  if (dossier.error) throw dossier.error;
  const d = dossier.data;
  if (!d) return null;
  const v = d.visit;
  return (
    <Page
      title={t('collections.dossier.title')}
      printTitle={false}
      actions={<PrintButton suggestedName={`${d.loan.number}-visit-${v.id}`} />}
    >
      <article className="dossier" aria-label={t('collections.dossier.title')}>
        <Letterhead />
        <header>
          <h1>{t('collections.dossier.title')}</h1>
          <p>
            {[d.loan.number, t('collections.dossier.printedOn', { date: prefs.date(d.printedOn) })]
              .filter((x) => x !== '')
              .join(' · ')}
          </p>
        </header>
        <section>
          <h2>{t('collections.dossier.visit')}</h2>
          <table className="split-table">
            <tbody>
              <tr>
                <th>{t('collections.visit.when')}</th>
                <td>{prefs.dateTime(v.localAt)}</td>
              </tr>
              <tr>
                <th>{t('collections.visit.address')}</th>
                <td>
                  {t(`collections.visit.addressKinds.${v.addressKind}`)} · {v.address}
                </td>
              </tr>
              <tr>
                <th>{t('collections.dossier.team')}</th>
                <td>{v.team.join('、')}</td>
              </tr>
              <tr>
                <th>{t('collections.visit.purpose')}</th>
                <td>{v.purpose}</td>
              </tr>
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t('collections.dossier.borrower')}</h2>
          <table className="split-table">
            <thead>
              <tr>
                <th>{t('collections.dossier.name')}</th>
                <th>{t('collections.dossier.idNumber')}</th>
                <th>{t('collections.dossier.phone')}</th>
                <th>{t('collections.dossier.address')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{d.borrower.name}</td>
                <td data-testid="dossier-borrower-id">{d.borrower.idNumberMasked}</td>
                <td>{d.borrower.phone}</td>
                <td>{d.borrower.address}</td>
              </tr>
            </tbody>
          </table>
          <h3>{t('collections.dossier.guarantors')}</h3>
          {d.guarantors.length === 0 ? (
            <p className="muted">{t('collections.dossier.none')}</p>
          ) : (
            <table className="split-table">
              <tbody>
                {d.guarantors.map((g) => (
                  <tr key={g.idNumberMasked + g.name}>
                    <td>{g.name}</td>
                    <td>{g.idNumberMasked}</td>
                    <td>{g.phone}</td>
                    <td>{g.relationship}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section>
          <h2>{t('collections.dossier.loan')}</h2>
          <table className="split-table">
            <tbody>
              <tr>
                <th>{t('collections.dossier.principal')}</th>
                <td className="num">{prefs.money(d.loan.principal)}</td>
                <th>{t('collections.dossier.outstanding')}</th>
                <td className="num">{prefs.money(d.loan.outstandingPrincipal)}</td>
              </tr>
              <tr>
                <th>{t('collections.columns.dpd')}</th>
                <td className="num">{d.loan.daysPastDue}</td>
                <th>{t('collections.dossier.overdue')}</th>
                <td className="num">{prefs.money(d.loan.overdueAmount)}</td>
              </tr>
              <tr>
                <th>{t('collections.dossier.nextDue')}</th>
                <td>{d.loan.nextDueDate ? prefs.date(d.loan.nextDueDate) : '—'}</td>
                <th>{t('collections.dossier.ltv')}</th>
                <td className="num">
                  {d.ltvBasisPoints === null ? '—' : `${(d.ltvBasisPoints / 100).toFixed(2)}%`}
                </td>
              </tr>
            </tbody>
          </table>
          <h3>{t('collections.dossier.payments')}</h3>
          {d.payments.length === 0 ? (
            <p className="muted">{t('collections.dossier.none')}</p>
          ) : (
            <table className="split-table">
              <tbody>
                {d.payments.map((p) => (
                  <tr key={p.receiptNumber}>
                    <td>{prefs.date(p.date)}</td>
                    <td>{p.receiptNumber}</td>
                    <td className="num">{prefs.money(p.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section>
          <h2>{t('collections.dossier.collateral')}</h2>
          {d.collateral.length === 0 ? (
            <p className="muted">{t('collections.dossier.none')}</p>
          ) : (
            <table className="split-table">
              <tbody>
                {d.collateral.map((c, i) => (
                  <tr key={i}>
                    <td>{c.description}</td>
                    <td className="num">{c.value === null ? '—' : prefs.money(c.value)}</td>
                    <td>{c.valuedOn ? prefs.date(c.valuedOn) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section>
          <h2>{t('collections.dossier.contacts')}</h2>
          <ContactList contacts={d.contacts} />
          <h3>{t('collections.dossier.promises')}</h3>
          <PromiseList promises={d.promises} />
        </section>
        <section>
          <h2>{t('collections.dossier.checklist')}</h2>
          <ul className="checklist">
            {CHECKS.map((c) => (
              <li key={c}>☐ {t(`collections.dossier.checks.${c}`)}</li>
            ))}
          </ul>
          <h2>{t('collections.dossier.talkingPoints')}</h2>
          <p className="prewrap">{v.talkingPoints || t('collections.dossier.none')}</p>
        </section>
      </article>
    </Page>
  );
}
