import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TLS_MODES,
  type ConnectionCheck,
  type ServerConnection,
  type TlsMode,
} from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { fieldErrorsOf, useOptionalRefusalText } from '../../app/error-text';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { CodeSelect, Field } from '../../components/form';
import { AppBrand } from '../../components/AppBrand';
import { formatAmount } from '../../../../shared/money/amount';

/**
 * Before anything else on a first run: where this PC's book is kept. Once chosen, the app
 * reopens on it and this is never shown again (Settings → About says which book is open).
 */
export function BookGate({ children }: { children: ReactNode }) {
  const location = useApi('office.bookLocation', {}, { staleTime: Infinity });
  if (location.error) return <ErrorPanel error={location.error} onRetry={() => void location.refetch()} />;
  if (!location.data) return null;
  if (location.data.needsChoice) return <ConnectScreen />;
  return <>{children}</>;
}

const EMPTY: ServerConnection = {
  host: '',
  port: 5432,
  database: 'pledgebook',
  user: '',
  password: '',
  tls: 'off',
  caFile: '',
};

/** "This PC only" or "The office database", with the server's details tested before they are kept. */
export function ConnectScreen() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'file' | 'server'>('file');
  const [c, setC] = useState<ServerConnection>(EMPTY);
  const [portText, setPortText] = useState('5432');
  const test = useApiMutation('office.testConnection');
  const use = useApiMutation('office.useBook');
  const [tested, setTested] = useState<ConnectionCheck | null>(null);
  const error = use.error ?? test.error;
  const refusal = useOptionalRefusalText(error);
  // A refused choice names its fields `connection.host`…; a refused test, `host`…
  const fields = Object.fromEntries(
    Object.entries(fieldErrorsOf(error, t, { money: formatAmount, date: String, percent: String })).map(
      ([field, text]) => [field.replace(/^connection\./, ''), text],
    ),
  );
  const pending = test.isPending || use.isPending;
  const change = (patch: Partial<ServerConnection>) => {
    setC((before) => ({ ...before, ...patch }));
    setTested(null);
  };
  const connection = (): ServerConnection => ({ ...c, port: Number(portText) || 0 });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    use.reset();
    if (mode === 'file') await use.mutateAsync({ kind: 'file' });
    else await use.mutateAsync({ kind: 'server', connection: connection() });
  };
  const tryIt = async () => {
    use.reset();
    setTested(await test.mutateAsync(connection()));
  };

  if (use.isSuccess) {
    return (
      <main className="sign-in" id="main">
        <section className="sign-in-card">
          <p role="status" data-testid="book-chosen">
            {t('app.connect.reopening')}
          </p>
        </section>
      </main>
    );
  }

  return (
    <main className="sign-in" id="main">
      <section className="sign-in-card connect-card" aria-labelledby="connect-title">
        <AppBrand />
        <h1 id="connect-title">{t('app.connect.title')}</h1>
        <form className="sign-in-form" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
          <fieldset className="connect-choice">
            <legend className="visually-hidden">{t('app.connect.title')}</legend>
            <label>
              <input
                type="radio"
                name="book-mode"
                checked={mode === 'file'}
                onChange={() => setMode('file')}
                autoFocus
              />
              <span>
                <strong>{t('app.connect.thisPc')}</strong>
                <span className="muted">{t('app.connect.thisPcHint')}</span>
              </span>
            </label>
            <label>
              <input
                type="radio"
                name="book-mode"
                checked={mode === 'server'}
                onChange={() => setMode('server')}
              />
              <span>
                <strong>{t('app.connect.office')}</strong>
                <span className="muted">{t('app.connect.officeHint')}</span>
              </span>
            </label>
          </fieldset>
          {mode === 'server' && (
            <div className="connect-fields">
              <Field label={t('app.connect.host')} htmlFor="connect-host" error={fields.host}>
                <input
                  id="connect-host"
                  required
                  placeholder="192.168.1.20"
                  value={c.host}
                  onChange={(e) => change({ host: e.target.value })}
                />
              </Field>
              <Field label={t('app.connect.port')} htmlFor="connect-port" error={fields.port}>
                <input
                  id="connect-port"
                  inputMode="numeric"
                  value={portText}
                  onChange={(e) => {
                    setPortText(e.target.value.replace(/\D/g, ''));
                    setTested(null);
                  }}
                />
              </Field>
              <Field label={t('app.connect.database')} htmlFor="connect-database" error={fields.database}>
                <input
                  id="connect-database"
                  required
                  value={c.database}
                  onChange={(e) => change({ database: e.target.value })}
                />
              </Field>
              <Field label={t('app.connect.user')} htmlFor="connect-user" error={fields.user}>
                <input
                  id="connect-user"
                  required
                  autoComplete="username"
                  value={c.user}
                  onChange={(e) => change({ user: e.target.value })}
                />
              </Field>
              <Field
                label={t('app.connect.password')}
                htmlFor="connect-password"
                hint={t('app.connect.passwordHint')}
                error={fields.password}
              >
                <input
                  id="connect-password"
                  type="password"
                  autoComplete="current-password"
                  value={c.password}
                  onChange={(e) => change({ password: e.target.value })}
                />
              </Field>
              <Field label={t('app.connect.tls')} htmlFor="connect-tls" error={fields.tls}>
                <CodeSelect<TlsMode>
                  id="connect-tls"
                  value={c.tls}
                  codes={TLS_MODES}
                  label={(mode) => t(`app.connect.tlsModes.${mode}`)}
                  onChange={(tls) => change({ tls })}
                />
              </Field>
              {c.tls === 'verify' && (
                <Field
                  label={t('app.connect.caFile')}
                  htmlFor="connect-ca"
                  hint={t('app.connect.caFileHint')}
                  error={fields.caFile}
                >
                  <input
                    id="connect-ca"
                    value={c.caFile}
                    onChange={(e) => change({ caFile: e.target.value })}
                  />
                </Field>
              )}
            </div>
          )}
          {tested && (
            <p className="connect-ok" role="status" data-testid="connection-ok">
              {t(`app.connect.book.${tested.book}`, { version: tested.serverVersion })}
            </p>
          )}
          {refusal && (
            <p className="sign-in-error" role="alert" data-testid="connection-refused">
              {refusal}
            </p>
          )}
          <div className="form-actions">
            {mode === 'server' && (
              <button
                type="button"
                className="btn"
                disabled={pending}
                onClick={() => void tryIt().catch(() => undefined)}
              >
                {test.isPending ? t('app.connect.testing') : t('app.connect.test')}
              </button>
            )}
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {mode === 'server' ? t('app.connect.useOffice') : t('app.connect.useThisPc')}
            </button>
          </div>
        </form>
      </section>
    </main>
  );
}
