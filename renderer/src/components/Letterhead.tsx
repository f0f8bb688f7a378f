import { useTranslation } from 'react-i18next';
import type { CompanyProfile } from '../../../shared/contract';
import { usePrefs } from '../app/prefs';
import { amountInCapitals } from '../../../shared/money/capitals';

/**
 * The lender's letterhead at the top of every printed document (receipts, letters, agreements,
 * dossiers, reports): logo, name, and the address, phone and licence a borrower or a court may
 * need. Until set-up names the company, the product's name stands in.
 */
export function Letterhead({ profile }: { profile?: CompanyProfile }) {
  const { t } = useTranslation();
  const { settings } = usePrefs();
  const p = profile ?? settings;
  const lines = [
    p.companyAddress,
    p.companyPhone && t('common.letterhead.phone', { phone: p.companyPhone }),
    p.companyLicence && t('common.letterhead.licence', { licence: p.companyLicence }),
  ].filter(Boolean);
  return (
    <header className="letterhead" data-testid="letterhead">
      {p.companyLogo && <img className="letterhead-logo" src={p.companyLogo} alt="" />}
      <div className="letterhead-text">
        <div className="letterhead-name">{p.companyName || t('app.name')}</div>
        {lines.length > 0 && <div className="letterhead-lines">{lines.join(' · ')}</div>}
      </div>
    </header>
  );
}

/** The signature block of a letter: the contact the borrower should call back. */
export function Signature() {
  const { t } = useTranslation();
  const { settings: s } = usePrefs();
  if (!s.contactName && !s.companyName) return null;
  return (
    <div className="signature" data-testid="signature">
      <div>{s.companyName}</div>
      {s.contactName && (
        <div>
          {s.contactName}
          {s.contactTitle && ` · ${s.contactTitle}`}
        </div>
      )}
      {s.contactPhone && <div>{t('common.letterhead.phone', { phone: s.contactPhone })}</div>}
    </div>
  );
}

/**
 * An amount as Chinese financial documents write it: the figure, and under it the same amount in
 * capitals (人民币壹拾伍万元整) so no digit can be altered. English documents show the figure only.
 */
export function AmountWithCapitals({ minor }: { minor: number }) {
  const { locale, money, settings } = usePrefs();
  if (locale === 'en') return <>{money(minor)}</>;
  return (
    <>
      {money(minor)}
      <span className="amount-capitals" data-testid="amount-capitals">
        {amountInCapitals(minor, {
          currency: settings.currency,
          script: locale === 'zh-TW' ? 'traditional' : 'simplified',
        })}
      </span>
    </>
  );
}
