import { useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Field } from '../../components/form';

/** How often the screen asks whether the session has locked for idleness. */
const STATUS_POLL_MS = 30_000;

/**
 * Shows the app only to a signed-in user: the owner set-up on first run, the sign-in form
 * otherwise. The services refuse every other request anyway; this is what the user sees.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const status = useApi('auth.status', {}, { refetchInterval: STATUS_POLL_MS });
  if (status.error) return <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return null;
  if (status.data.user) return <>{children}</>;
  return <SignInScreen firstRun={!status.data.hasUsers} />;
}

function SignInScreen({ firstRun }: { firstRun: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const createOwner = useApiMutation('auth.createOwner');
  const signIn = useApiMutation('auth.signIn');
  const pending = createOwner.isPending || signIn.isPending;
  const error = firstRun ? createOwner.error : signIn.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (firstRun) await createOwner.mutateAsync({ username, displayName, password });
    else await signIn.mutateAsync({ username, password });
    // Everything cached belonged to nobody; the new user's permissions decide what loads now.
    void client.resetQueries();
  };

  return (
    <main className="content sign-in" id="main">
      <h1>{firstRun ? t('access.createOwnerTitle') : t('access.signInTitle')}</h1>
      {firstRun && <p className="muted">{t('access.createOwnerHint')}</p>}
      <form className="form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
        <Field label={t('access.username')} htmlFor="username">
          <input
            id="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        {firstRun && (
          <Field label={t('access.displayName')} htmlFor="displayName">
            <input id="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </Field>
        )}
        <Field
          label={t('access.password')}
          htmlFor="password"
          hint={firstRun ? t('access.passwordHint') : undefined}
        >
          <input
            id="password"
            type="password"
            autoComplete={firstRun ? 'new-password' : 'current-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {firstRun ? t('access.createOwner') : t('access.signIn')}
          </button>
        </div>
        {error && <ErrorPanel error={error} />}
      </form>
    </main>
  );
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
