import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { wordedResolver } from '../../components/worded-resolver';
import { useTranslation } from 'react-i18next';
import { backupSettingsSchema, type BackupListing, type BackupSettings } from '../../../../shared/contract';
import { useApi, useApiMutation, useLongWork } from '../../api/hooks';
import { isCancelled } from '../../api/client';
import { WorkProgressBar } from '../../components/WorkProgress';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card, Facts } from '../../components/Page';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/form';
import { localWallClock } from '../../format/format';

/**
 * A backup's time in the reader's own time zone (the file names and the list are in UTC), in the
 * one date format the rest of the app writes.
 */
function useInstant() {
  const { dateTime } = usePrefs();
  return (iso: string) => dateTime(localWallClock(iso));
}

/**
 * Settings → Backups: where backups go, "back up now", how often and how many the app keeps,
 * and restoring one (the current book is saved first, so a restore can itself be undone).
 */
export function BackupCard() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const instant = useInstant();
  const overview = useApi('backups.overview', {});
  const run = useLongWork('backups.run', ['backups.', 'audit.']);
  const choose = useApiMutation('backups.chooseFolder', ['backups.']);
  const [restoring, setRestoring] = useState<BackupListing | null>(null);

  return (
    <Card title={t('access.backups.title')} className="card-sections">
      {overview.error && <ErrorPanel error={overview.error} />}
      {overview.data?.server && <ServerBookBackups book={overview.data.server.book} />}
      {overview.data && !overview.data.server && (
        <>
          <div className="backup-folder">
            <span className="muted">{t('access.backups.folder')}</span>{' '}
            <code data-testid="backup-folder">{overview.data.folder}</code>
            {overview.data.isDefaultFolder && <span className="muted"> ({t('access.backups.default')})</span>}
            <div className="form-actions">
              <button
                type="button"
                className="btn"
                disabled={choose.isPending}
                onClick={() => choose.mutate({ useDefault: false })}
              >
                {t('access.backups.chooseFolder')}
              </button>
              {!overview.data.isDefaultFolder && (
                <button type="button" className="btn" onClick={() => choose.mutate({ useDefault: true })}>
                  {t('access.backups.useDefault')}
                </button>
              )}
            </div>
          </div>
          {choose.error && <ErrorPanel error={choose.error} />}

          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={run.isPending}
              onClick={() => run.mutate({})}
            >
              {t('access.backups.backUpNow')}
            </button>
            {run.isPending && (
              <WorkProgressBar
                progress={run.progress}
                ariaLabel={t('access.backups.progress')}
                onCancel={run.cancel}
                testId="backup-progress"
              />
            )}
            {run.isSuccess && !run.isPending && (
              <span className="muted" role="status">
                {t('access.backups.done', { name: run.data.name })}
              </span>
            )}
          </div>
          {run.error && !isCancelled(run.error) && <ErrorPanel error={run.error} />}

          <BackupSettingsForm key={JSON.stringify(overview.data.settings)} initial={overview.data.settings} />

          <h3>{t('access.backups.listTitle')}</h3>
          {overview.data.backups.length === 0 ? (
            <p className="muted">{t('access.backups.none')}</p>
          ) : (
            <table className="grid" aria-label={t('access.backups.listTitle')}>
              <thead>
                <tr>
                  <th>{t('access.backups.takenAt')}</th>
                  <th>{t('access.backups.kind')}</th>
                  <th className="num">{t('access.backups.loans')}</th>
                  <th className="num">{t('access.backups.payments')}</th>
                  <th className="num">{t('access.backups.contacts')}</th>
                  <th className="num">{t('access.backups.size')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {overview.data.backups.map((b) => (
                  <tr key={b.name} title={b.name}>
                    <td>{instant(b.takenAt)}</td>
                    <td>{t(`access.backups.kinds.${b.kind}`)}</td>
                    <td className="num">{b.counts ? prefs.number(b.counts.loans) : '—'}</td>
                    <td className="num">{b.counts ? prefs.number(b.counts.payments) : '—'}</td>
                    <td className="num">{b.counts ? prefs.number(b.counts.contacts) : '—'}</td>
                    <td className="num">{prefs.number(Math.ceil(b.bytes / 1024))} KB</td>
                    <td>
                      <button
                        type="button"
                        className="btn"
                        disabled={b.counts === null}
                        onClick={() => setRestoring(b)}
                      >
                        {t('access.backups.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Card>
  );
}

function BackupSettingsForm({ initial }: { initial: BackupSettings }) {
  const { t } = useTranslation();
  const save = useApiMutation('backups.updateSettings', ['backups.']);
  const form = useForm<BackupSettings>({
    resolver: wordedResolver(backupSettingsSchema),
    defaultValues: initial,
  });
  const errors = form.formState.errors;
  const number = { valueAsNumber: true } as const;
  return (
    <form className="form-grid" onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Field
        label={t('access.backups.everyHours')}
        htmlFor="bk-every"
        error={errors.everyHours}
        hint={t('access.backups.everyHoursHint')}
      >
        <input id="bk-every" type="number" min={1} max={168} {...form.register('everyHours', number)} />
      </Field>
      <Field label={t('access.backups.keepDaily')} htmlFor="bk-daily" error={errors.keepDaily}>
        <input id="bk-daily" type="number" min={1} {...form.register('keepDaily', number)} />
      </Field>
      <Field label={t('access.backups.keepWeekly')} htmlFor="bk-weekly" error={errors.keepWeekly}>
        <input id="bk-weekly" type="number" min={0} {...form.register('keepWeekly', number)} />
      </Field>
      <Field label={t('access.backups.keepMonthly')} htmlFor="bk-monthly" error={errors.keepMonthly}>
        <input id="bk-monthly" type="number" min={0} {...form.register('keepMonthly', number)} />
      </Field>
      {save.error && <ErrorPanel error={save.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
        {save.isSuccess && <span className="muted">{t('common.saved')}</span>}
      </div>
    </form>
  );
}

/** Preview → confirm. The preview verifies the backup; restore saves the current book first. */
function RestoreDialog({ backup, onClose }: { backup: BackupListing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const instant = useInstant();
  const name = backup?.name ?? '';
  const preview = useApi('backups.preview', { name }, { enabled: backup !== null });
  const restore = useApiMutation('backups.restore');
  return (
    <Dialog open={backup !== null} title={t('access.backups.restoreTitle')} onClose={onClose}>
      {preview.error && <ErrorPanel error={preview.error} />}
      {preview.data && (
        <div data-testid="restore-preview">
          <Facts
            items={[
              [t('access.backups.takenAt'), instant(preview.data.takenAt)],
              [t('access.backups.loans'), prefs.number(preview.data.loans)],
              [t('access.backups.payments'), prefs.number(preview.data.payments)],
              [t('access.backups.contacts'), prefs.number(preview.data.contacts)],
            ]}
          />
        </div>
      )}
      <p>{t('access.backups.restoreWarning')}</p>
      {restore.error && <ErrorPanel error={restore.error} />}
      {restore.isSuccess ? (
        <p role="status">{t('access.backups.restarting')}</p>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-danger"
            disabled={!preview.data || restore.isPending}
            onClick={() => restore.mutate({ name })}
          >
            {t('access.backups.confirmRestore')}
          </button>
          <button type="button" className="btn" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </Dialog>
  );
}

/** A server book (office mode): the server keeps the backups; this PC keeps no files of it. */
function ServerBookBackups({ book }: { book: string }) {
  const { t } = useTranslation();
  return (
    <div className="server-backups" data-testid="server-backups">
      <p>{t('access.backups.server.book', { book })}</p>
      <p>{t('access.backups.server.firstLine')}</p>
      <p className="muted">{t('access.backups.server.noFiles')}</p>
    </div>
  );
}
