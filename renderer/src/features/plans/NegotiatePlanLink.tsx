import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The loan page's way into the what-if comparison; only an open loan can be renegotiated. */
export function NegotiatePlanLink({ loanId, open }: { loanId: number; open: boolean }) {
  const { t } = useTranslation();
  if (!open) return null;
  return <Link to={`/loans/${loanId}/plans`}>{t('plans.negotiate')}</Link>;
}
