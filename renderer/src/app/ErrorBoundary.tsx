import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client';

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

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiCallError ? error.error : null;
  const details = Array.isArray(apiError?.details)
    ? (apiError.details as { field: string; message: string }[])
    : [];
  return (
    <div className="error-panel" role="alert">
      <h2>{t('common.errors.title')}</h2>
      <p>{apiError ? t(`common.errors.codes.${apiError.code}`) : t('common.errors.codes.internal')}</p>
      {apiError && <p className="error-detail">{apiError.message}</p>}
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d.field}>
              <code>{d.field}</code>: {d.message}
            </li>
          ))}
        </ul>
      )}
      {apiError && <p className="muted">({apiError.code})</p>}
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
