import { useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { ApiCallError } from '../../api/client';
import { AppBrand } from '../../components/AppBrand';
import { Field } from '../../components/form';
import { CompanyForm } from '../settings/CompanyForm';

/** How often the screen asks whether the session has locked for idleness. */
const STATUS_POLL_MS = 30_000;
const ASK_COMPANY = 'pledgebook.firstRun.askCompany';

/**
 * Shows the app only to a signed-in user: the owner set-up on first run, the sign-in form
 * otherwise. The services refuse every other request anyway; this is what the user sees.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const status = useApi('auth.status', {}, { refetchInterval: STATUS_POLL_MS });
  // Set once the owner is created: first-run set-up goes on to ask who the company is. Kept in
  // session storage because signing in reloads every query, which remounts this gate.
  const [askCompany, setAskCompanyState] = useState(() => sessionStorage.getItem(ASK_COMPANY) === '1');
  const setAskCompany = (ask: boolean) => {
    if (ask) sessionStorage.setItem(ASK_COMPANY, '1');
    else sessionStorage.removeItem(ASK_COMPANY);
    setAskCompanyState(ask);
  };
  if (status.error) return <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return null;
  if (status.data.user && askCompany) return <CompanySetupScreen onDone={() => setAskCompany(false)} />;
  if (status.data.user) return <>{children}</>;
  return <SignInScreen firstRun={!status.data.hasUsers} onOwnerCreated={() => setAskCompany(true)} />;
}

/** First-run set-up, second step: the company every document will name. */
function CompanySetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="sign-in" id="main">
      <section className="sign-in-card company-setup" aria-labelledby="company-setup-title">
        <h1 id="company-setup-title">{t('settings.company.setupTitle')}</h1>
        <p className="muted">{t('settings.company.setupHint')}</p>
        <CompanyForm
          submitLabel={t('settings.company.setupSave')}
          onSaved={onDone}
          extraActions={
            <button type="button" className="btn" onClick={onDone}>
              {t('settings.company.setupLater')}
            </button>
          }
        />
      </section>
    </main>
  );
}

function SignInScreen({ firstRun, onOwnerCreated }: { firstRun: boolean; onOwnerCreated: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const createOwner = useApiMutation('auth.createOwner');
  const signIn = useApiMutation('auth.signIn');
  const pending = createOwner.isPending || signIn.isPending;
  const error = firstRun ? createOwner.error : signIn.error;
  const problem = error ? signInProblem(error, t('access.wrongPassword')) : null;
  const title = firstRun ? t('access.createOwnerTitle') : t('access.signInTitle');

  // Enter in any field submits: it is one <form> with a submit button.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (firstRun) {
      await createOwner.mutateAsync({ username, displayName, password });
      onOwnerCreated();
    } else await signIn.mutateAsync({ username, password });
    // Everything cached belonged to nobody; the new user's permissions decide what loads now.
    void client.resetQueries();
  };

  return (
    <main className="sign-in" id="main">
      <section className="sign-in-card" aria-labelledby="sign-in-title">
        <AppBrand />
        <h1 id="sign-in-title">{title}</h1>
        {firstRun && <p className="muted">{t('access.createOwnerHint')}</p>}
        <form className="sign-in-form" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
          <Field label={t('access.username')} htmlFor="username" error={problem?.fields.username}>
            <input
              id="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          {firstRun && (
            <Field label={t('access.displayName')} htmlFor="displayName" error={problem?.fields.displayName}>
              <input
                id="displayName"
                required
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            </Field>
          )}
          <Field
            label={t('access.password')}
            htmlFor="password"
            hint={firstRun ? t('access.passwordHint') : undefined}
            error={problem?.fields.password}
          >
            <input
              id="password"
              type="password"
              required
              autoComplete={firstRun ? 'new-password' : 'current-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          {problem?.message && (
            <p className="sign-in-error" role="alert">
              {problem.message}
            </p>
          )}
          <button type="submit" className="btn btn-primary sign-in-submit" disabled={pending}>
            {firstRun ? t('access.createOwner') : t('access.signIn')}
          </button>
        </form>
      </section>
    </main>
  );
}

/**
 * A refused sign-in as the form shows it: field problems beside their fields, anything else in
 * one line. A wrong password is said in the user's language; other messages come from the service.
 */
function signInProblem(error: unknown, wrongPassword: string) {
  const api = error instanceof ApiCallError ? error.error : null;
  const fields: Record<string, string> = {};
  if (api?.code === 'invalid-input' && Array.isArray(api.details)) {
    for (const d of api.details as { field: string; message: string }[]) fields[d.field] ??= d.message;
    return { fields, message: null };
  }
  if (!api) return { fields, message: error instanceof Error ? error.message : String(error) };
  return { fields, message: api.reason === 'auth.wrongPassword' ? wrongPassword : api.message };
}

/** Who is signed in, and the way out; for the sidebar. */
export function SignedInAs() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useApi('auth.status', {});
  const signOut = useApiMutation('auth.signOut');
  const user = status.data?.user;
  // The system actor (tests, the CLI) is nobody to sign out.
  if (!user || user.userId === 0) return null;
  return (
    <div className="signed-in-as">
      <span className="muted">
        {t('access.signedInAs', { name: user.displayName, role: t(`access.roles.${user.role}`) })}
      </span>
      <button
        type="button"
        className="btn"
        onClick={() => void signOut.mutateAsync({}).then(() => client.resetQueries())}
      >
        {t('access.signOut')}
      </button>
    </div>
  );
}
