import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Card, Facts, Page } from '../../components/Page';
import { Dialog } from '../../components/Dialog';
import { SmallLoanTable } from '../loans/LoanTable';
import { BorrowerForm } from './BorrowerForm';
import { BorrowerCoverage } from '../collateral/LoanCollateralCard';
import { CollectionsTimeline } from '../collections/CollectionsTimeline';
import { BorrowerPromiseStats } from '../collections/PromiseStats';

export function BorrowerDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const borrower = useApi('borrowers.get', { id });
  const [editing, setEditing] = useState(false);
  if (borrower.error) throw borrower.error;
  const b = borrower.data;
  if (!b) return null;
  return (
    <Page
      title={b.name}
      actions={
        <>
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('borrowers.edit')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => navigate(`/loans/new?borrower=${b.id}`)}
          >
            {t('borrowers.newLoan')}
          </button>
        </>
      }
    >
      <Card>
        <Facts
          items={[
            [t('borrowers.kind'), t(`common.borrowerKinds.${b.kind}`)],
            [t('borrowers.idType'), t(`common.idTypes.${b.idType}`)],
            [t('borrowers.idNumber'), <code key="id">{b.idNumberMasked}</code>],
            [t('borrowers.phone'), b.phone || '—'],
            [t('borrowers.altPhone'), b.altPhone || '—'],
            [t('borrowers.address'), b.address || '—'],
            [t('borrowers.employer'), b.employer || '—'],
            [t('borrowers.notes'), b.notes || '—'],
          ]}
        />
        <BorrowerPromiseStats borrowerId={b.id} />
      </Card>
      <BorrowerCoverage borrowerId={b.id} />
      <Card title={t('borrowers.loans')}>
        {b.loans.length > 0 ? <SmallLoanTable rows={b.loans} /> : <p className="muted">{t('loans.empty')}</p>}
      </Card>
      {b.partyTo.length > 0 && (
        <Card title={t('borrowers.partyTo')}>
          <ul>
            {b.partyTo.map((p) => (
              <li key={`${p.loanId}-${p.role}`}>
                <Link to={`/loans/${p.loanId}`}>{p.loanNumber}</Link> — {p.borrowerName} (
                {t(`borrowers.role.${p.role}`)})
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Dialog open={editing} title={t('borrowers.edit')} onClose={() => setEditing(false)} wide>
        <BorrowerForm
          existing={{
            id: b.id,
            idNumberMasked: b.idNumberMasked,
            kind: b.kind,
            name: b.name,
            idType: b.idType,
            phone: b.phone,
            altPhone: b.altPhone,
            address: b.address,
            employer: b.employer,
            notes: b.notes,
          }}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      </Dialog>
      <CollectionsTimeline borrowerId={id} />
    </Page>
  );
}
