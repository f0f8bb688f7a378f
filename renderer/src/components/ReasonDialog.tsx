import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../app/ErrorBoundary';
import { Dialog } from './Dialog';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** What the user is deciding, in a sentence. */
  question: string;
  confirmLabel?: string;
  /** False for a plain confirmation that records no reason. */
  askReason?: boolean;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * Asks why before a change that is recorded with its reason (void, release, reverse, remove,
 * unreachable), or simply asks to confirm. Electron has no `window.prompt`, and a browser prompt
 * can neither check a reason nor show the service's refusal; this dialog traps focus, says why
 * "Confirm" waits, and stays open with the refusal if there is one.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const close = props.onClose;
  return (
    <Dialog open={props.open} title={props.title} onClose={close}>
      {/* Mounted only while open, so every opening starts with an empty reason. */}
      <ReasonForm {...props} />
    </Dialog>
  );
}

function ReasonForm({
  question,
  confirmLabel,
  askReason = true,
  danger = true,
  pending = false,
  error,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const tooShort = askReason && reason.trim().length < 3;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!tooShort) onConfirm(reason.trim());
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <p>{question}</p>
      {askReason && (
        <div className="field">
          <label htmlFor="reason-dialog-input">{t('common.reasonLabel')}</label>
          <input
            id="reason-dialog-input"
            value={reason}
            maxLength={300}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="reason-dialog-hint"
            autoFocus
          />
          {tooShort && (
            <span id="reason-dialog-hint" className="muted">
              {t('common.reasonTooShort')}
            </span>
          )}
        </div>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
          disabled={tooShort || pending}
          title={tooShort ? t('common.reasonTooShort') : undefined}
          autoFocus={!askReason}
        >
          {confirmLabel ?? t('common.confirm')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {error ? <ErrorPanel error={error} /> : null}
    </form>
  );
}
