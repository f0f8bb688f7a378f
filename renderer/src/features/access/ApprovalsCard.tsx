import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { WriteOffApprovalRow } from '../plans/WriteOffs';

/** Maker-checker requests waiting for a second user. The services refuse self-approval. */
export function ApprovalsCard() {
  const { t } = useTranslation();
  const pending = useApi('approvals.list', { status: 'pending' });
  const writeOffs = useApi('writeOffs.list', {});
  const waitingWriteOffs = writeOffs.data?.filter((w) => w.status === 'proposed') ?? [];
  const count = pending.data ? pending.data.length + waitingWriteOffs.length : null;
  const decide = useApiMutation('approvals.decide', [
    'approvals.',
    'loans.',
    'payments.',
    'borrowers.',
    'audit.',
  ]);

  return (
    <Card title={t('access.approvalsTitle')}>
      {pending.error && <ErrorPanel error={pending.error} />}
      {decide.error && <ErrorPanel error={decide.error} />}
      {writeOffs.error && <ErrorPanel error={writeOffs.error} />}
      {count === 0 && <p className="muted">{t('access.approvalsNone')}</p>}
      {pending.data && count !== null && count > 0 && (
        <table className="grid" aria-label={t('access.approvalsTitle')}>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('access.approvalKind')}</th>
              <th>{t('access.approvalBy')}</th>
              <th>{t('access.approvalReason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {pending.data.map((r) => (
              <tr key={r.id}>
                <td className="num">{r.id}</td>
                <td>
                  {t(`access.kinds.${r.kind}`)} · {r.entity} {r.entityId}
                </td>
                <td>{r.requestedBy}</td>
                <td>{r.reason}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: r.id, approve: true })}
                  >
                    {t('access.approve')}
                  </button>{' '}
                  <button
                    type="button"
                    className="btn"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: r.id, approve: false })}
                  >
                    {t('access.reject')}
                  </button>
                </td>
              </tr>
            ))}
            {waitingWriteOffs.map((w) => (
              <WriteOffApprovalRow key={`write-off-${w.id}`} writeOff={w} />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
