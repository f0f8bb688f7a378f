import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../app/prefs';
import { ReasonDialog } from '../../components/ReasonDialog';

/**
 * Approve and Reject for one waiting request. Neither acts on one click: Approve shows what the
 * request is and what it gives away and asks to confirm; Reject asks why. One's own request shows
 * both disabled, with the reason beside them (the services refuse it anyway).
 */
export function DecisionButtons({
  reference,
  what,
  givesAway,
  own,
  ownReason,
  pending,
  error,
  onDecide,
}: {
  reference: string;
  /** The request in a few words: "Penalty waiver · loan PB-0012". */
  what: string;
  /** What approving gives away, where it has one figure; null when it is not known yet. */
  givesAway: number | null;
  own: boolean;
  ownReason: string;
  pending: boolean;
  error: unknown;
  onDecide: (approve: boolean, note: string) => void;
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [asking, setAsking] = useState<'approve' | 'reject' | null>(null);
  const question =
    asking === 'approve'
      ? [
          t('access.decision.approveQuestion', { reference, what }),
          givesAway ? t('access.decision.givesAway', { amount: prefs.money(givesAway) }) : '',
        ]
          .filter(Boolean)
          .join(' ')
      : t('access.decision.rejectQuestion', { reference, what });
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        disabled={pending || own}
        title={own ? ownReason : undefined}
        onClick={() => setAsking('approve')}
      >
        {t('access.approve')}
      </button>{' '}
      <button
        type="button"
        className="btn"
        disabled={pending || own}
        title={own ? ownReason : undefined}
        onClick={() => setAsking('reject')}
      >
        {t('access.reject')}
      </button>
      {own && <div className="muted">{ownReason}</div>}
      <ReasonDialog
        open={asking !== null}
        title={
          asking === 'approve'
            ? t('access.decision.approveTitle', { reference })
            : t('access.decision.rejectTitle', { reference })
        }
        question={question}
        askReason={asking === 'reject'}
        danger={asking === 'reject'}
        confirmLabel={asking === 'approve' ? t('access.approve') : t('access.reject')}
        pending={pending}
        error={error}
        onConfirm={(note) => {
          onDecide(asking === 'approve', note);
          setAsking(null);
        }}
        onClose={() => setAsking(null)}
      />
    </>
  );
}
