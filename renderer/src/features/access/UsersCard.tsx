import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { wordedResolver } from '../../components/worded-resolver';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import {
  createUserSchema,
  resetPasswordSchema,
  ROLE_NAMES,
  type RoleName,
  type UserRow,
} from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/form';

type NewUser = z.infer<typeof createUserSchema>;

/** Settings → Users (owner only): who may sign in, and with which role. */
export function UsersCard() {
  const { t } = useTranslation();
  const users = useApi('users.list', {});
  const update = useApiMutation('users.update', ['users.', 'audit.']);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  return (
    <Card title={t('access.users.title')} className="card-sections">
      {users.error && <ErrorPanel error={users.error} />}
      {update.error && <ErrorPanel error={update.error} />}
      {users.data && (
        <table className="grid" aria-label={t('access.users.title')}>
          <thead>
            <tr>
              <th>{t('access.username')}</th>
              <th>{t('access.users.displayName')}</th>
              <th>{t('access.users.role')}</th>
              <th>{t('access.users.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} data-testid={`user-${u.username}`}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>
                  <select
                    aria-label={t('access.users.roleOf', { name: u.username })}
                    value={u.role}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ id: u.id, role: e.target.value as RoleName })}
                  >
                    {ROLE_NAMES.map((r) => (
                      <option key={r} value={r}>
                        {t(`access.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {!u.active
                    ? t('access.users.inactive')
                    : u.lockedUntil
                      ? t('access.users.locked')
                      : t('access.users.active')}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    disabled={update.isPending}
                    onClick={() => update.mutate({ id: u.id, active: !u.active })}
                  >
                    {u.active ? t('access.users.deactivate') : t('access.users.reactivate')}
                  </button>{' '}
                  <button type="button" className="btn" onClick={() => setResetting(u)}>
                    {t('access.users.resetPassword')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewUserForm />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}

function NewUserForm() {
  const { t } = useTranslation();
  const create = useApiMutation('users.create', ['users.', 'audit.']);
  const form = useForm<NewUser>({
    resolver: wordedResolver(createUserSchema),
    defaultValues: { username: '', displayName: '', role: 'collector', password: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    await create.mutateAsync(values);
    form.reset();
  });
  return (
    <form
      className="form-grid"
      aria-label={t('access.users.newTitle')}
      onSubmit={(e) => void submit(e).catch(() => undefined)}
      noValidate
    >
      <h3 className="form-heading">{t('access.users.newTitle')}</h3>
      <Field label={t('access.username')} htmlFor="nu-username" error={errors.username}>
        <input id="nu-username" autoComplete="off" {...form.register('username')} />
      </Field>
      <Field label={t('access.users.displayName')} htmlFor="nu-display" error={errors.displayName}>
        <input id="nu-display" {...form.register('displayName')} />
      </Field>
      <Field label={t('access.users.role')} htmlFor="nu-role" error={errors.role}>
        <select id="nu-role" {...form.register('role')}>
          {ROLE_NAMES.map((r) => (
            <option key={r} value={r}>
              {t(`access.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('access.users.initialPassword')}
        htmlFor="nu-password"
        error={errors.password}
        hint={t('access.passwordHint')}
      >
        <input id="nu-password" type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
      {create.error && <ErrorPanel error={create.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('access.users.create')}
        </button>
        {create.isSuccess && !form.formState.isDirty && (
          <span className="muted" role="status">
            {t('access.users.created')}
          </span>
        )}
      </div>
    </form>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useApiMutation('users.update', ['users.', 'audit.']);
  const form = useForm<z.infer<typeof resetPasswordSchema>>({
    resolver: wordedResolver(resetPasswordSchema),
    defaultValues: { password: '' },
  });
  const close = () => {
    form.reset();
    update.reset();
    onClose();
  };
  const submit = form.handleSubmit(async ({ password }) => {
    if (!user) return;
    await update.mutateAsync({ id: user.id, password });
    close();
  });
  return (
    <Dialog
      open={user !== null}
      title={t('access.users.resetTitle', { name: user?.username ?? '' })}
      onClose={close}
    >
      <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
        <Field
          label={t('access.users.newPassword')}
          htmlFor="reset-password"
          error={form.formState.errors.password}
          hint={t('access.passwordHint')}
        >
          <input
            id="reset-password"
            type="password"
            autoComplete="new-password"
            autoFocus
            {...form.register('password')}
          />
        </Field>
        {update.error && <ErrorPanel error={update.error} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {t('access.users.resetPassword')}
          </button>
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
