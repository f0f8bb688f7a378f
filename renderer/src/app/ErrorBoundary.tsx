import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client';
import { useOptionalRefusalText } from './error-text';

interface State {
  error: Error | null;
}

/** Shows a contract error in plain words (with its code and field details) instead of a white page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <ErrorPanel error={this.state.error} onRetry={() => this.setState({ error: null })} />;
  }
}

/**
 * A refusal the service worded with a code shows as one sentence in the UI language; only an
 * unexpected fault shows the generic panel, whose English specifics go to the clipboard for
 * support rather than onto the screen.
 */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const apiError = error instanceof ApiCallError ? error.error : null;
  const refusal = useOptionalRefusalText(error);
  const [copied, setCopied] = useState(false);
  if (refusal !== null) {
    return (
      <p className="field-error" role="alert" data-testid="refusal">
        {refusal}
      </p>
    );
  }
  const copy = async () => {
    const report = { at: new Date().toISOString(), locale: i18n.language, error: apiError ?? String(error) };
    await navigator.clipboard.writeText(JSON.stringify(report, null, 2));
    setCopied(true);
  };
  return (
    <div className="error-panel" role="alert">
      <h2>{t('common.errors.title')}</h2>
      <p>{apiError ? t(`common.errors.codes.${apiError.code}`) : t('common.errors.codes.internal')}</p>
      <button type="button" className="btn" onClick={() => void copy()}>
        {copied ? t('common.errors.copied') : t('common.errors.copyDetails')}
      </button>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
