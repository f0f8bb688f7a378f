import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Tie } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';

/**
 * The ties that prove the ledger: each with what the ledger says and what it must equal. A tie
 * that does not hold is red, with the loans whose own figures differ (each opens its page).
 */
export function TiesPanel({ ties }: { ties: Tie[] }) {
  const { t } = useTranslation();
  const { money } = usePrefs();
  return (
    <table className="grid compact" data-testid="ledger-ties">
      <thead>
        <tr>
          <th>{t('ledger.ties.title')}</th>
          <th className="num">{t('ledger.ties.ledger')}</th>
          <th className="num">{t('ledger.ties.expected')}</th>
          <th>{t('ledger.ties.result')}</th>
        </tr>
      </thead>
      <tbody>
        {ties.map((tie) => (
          <tr key={tie.name} data-tie={tie.name} className={tie.difference === 0 ? '' : 'tie-differs'}>
            <th>{t(`ledger.ties.names.${tie.name}`)}</th>
            <td className="num">{money(Math.abs(tie.ledger))}</td>
            <td className="num">{money(Math.abs(tie.expected))}</td>
            <td>
              {tie.difference === 0 ? (
                <span className="badge badge-ok">{t('ledger.ties.ok')}</span>
              ) : (
                <>
                  <span className="badge badge-danger">
                    {t('ledger.ties.differs', { amount: money(tie.difference) })}
                  </span>
                  {tie.loans.length > 0 && (
                    <span className="tie-loans">
                      {t('ledger.ties.causes')}:{' '}
                      {tie.loans.map((l, i) => (
                        <span key={l.loanId}>
                          {i > 0 && t('common.listSeparator')}
                          <Link to={`/loans/${l.loanId}`}>{l.number}</Link> ({money(l.difference)})
                        </span>
                      ))}
                    </span>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
