import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactOutcome } from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Field } from '../../components/form';
import { outcomeText } from './outcome-label';

/** Letters are logged with this outcome; the service refuses to delete it, so no button is offered. */
const LETTER_OUTCOME = 'letter-sent';

/**
 * Settings → contact outcomes: add, rename, retire (kept on old contacts, no longer offered) and
 * delete an outcome no contact uses.
 */
export function OutcomesCard() {
  const { t } = useTranslation();
  const outcomes = useApi('collections.outcomes', {});
  const update = useApiMutation('collections.updateOutcome', ['collections.']);
  const remove = useApiMutation('collections.deleteOutcome', ['collections.']);
  const [renaming, setRenaming] = useState<{ code: string; label: string } | null>(null);

  const saveRename = () => {
    if (!renaming) return;
    update.mutate({ code: renaming.code, label: renaming.label }, { onSuccess: () => setRenaming(null) });
  };
  const renameKeys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      saveRename();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setRenaming(null);
    }
  };

  const row = (o: ContactOutcome) => {
    const label = outcomeText(t, o.code, o);
    return (
      <tr key={o.code} className={o.active ? '' : 'muted'}>
        <td>
          <code>{o.code}</code>
        </td>
        <td>
          {renaming?.code === o.code ? (
            <input
              aria-label={t('collections.outcomeSettings.label')}
              value={renaming.label}
              autoFocus
              onChange={(e) => setRenaming({ code: o.code, label: e.target.value })}
              onKeyDown={renameKeys}
            />
          ) : (
            label
          )}
        </td>
        <td>{o.connected ? t('collections.outcomeSettings.yes') : t('collections.outcomeSettings.no')}</td>
        <td className="num">{o.used}</td>
        <td>
          <span className={`badge ${o.active ? 'badge-ok' : ''}`}>
            {o.active ? t('collections.outcomeSettings.offered') : t('collections.outcomeSettings.retired')}
          </span>
        </td>
        <td className="nowrap">
          {renaming?.code === o.code ? (
            <>
              <button type="button" className="btn" onClick={saveRename} disabled={update.isPending}>
                {t('collections.outcomeSettings.save')}
              </button>{' '}
              <button type="button" className="btn" onClick={() => setRenaming(null)}>
                {t('collections.outcomeSettings.cancel')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn" onClick={() => setRenaming({ code: o.code, label })}>
                {t('collections.outcomeSettings.rename')}
              </button>{' '}
              <button
                type="button"
                className="btn"
                onClick={() => update.mutate({ code: o.code, active: !o.active })}
                disabled={update.isPending}
              >
                {o.active
                  ? t('collections.outcomeSettings.retire')
                  : t('collections.outcomeSettings.restore')}
              </button>
              {o.used === 0 && o.code !== LETTER_OUTCOME && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="btn"
                    onClick={() => remove.mutate({ code: o.code })}
                    disabled={remove.isPending}
                  >
                    {t('collections.outcomeSettings.delete')}
                  </button>
                </>
              )}
            </>
          )}
        </td>
      </tr>
    );
  };

  return (
    <Card title={t('collections.outcomeSettings.title')}>
      <p className="muted">{t('collections.outcomeSettings.help')}</p>
      {outcomes.error && <ErrorPanel error={outcomes.error} />}
      {outcomes.data && (
        <table className="grid" data-testid="outcome-settings">
          <thead>
            <tr>
              <th>{t('collections.outcomeSettings.code')}</th>
              <th>{t('collections.outcomeSettings.label')}</th>
              <th>{t('collections.outcomeSettings.connected')}</th>
              <th className="num">{t('collections.outcomeSettings.used')}</th>
              <th>{t('collections.outcomeSettings.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>{outcomes.data.map(row)}</tbody>
        </table>
      )}
      {update.error && <ErrorPanel error={update.error} />}
      {remove.error && <ErrorPanel error={remove.error} />}
      <AddOutcomeForm />
    </Card>
  );
}

function AddOutcomeForm() {
  const { t } = useTranslation();
  const add = useApiMutation('collections.addOutcome', ['collections.']);
  const empty = { code: '', label: '', connected: false };
  const [v, setV] = useState(empty);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(v, { onSuccess: () => setV(empty) });
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <Field
        label={t('collections.outcomeSettings.newCode')}
        htmlFor="oc-code"
        hint={t('collections.outcomeSettings.codeHint')}
      >
        <input id="oc-code" value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} />
      </Field>
      <Field label={t('collections.outcomeSettings.newLabel')} htmlFor="oc-label">
        <input id="oc-label" value={v.label} onChange={(e) => setV({ ...v, label: e.target.value })} />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={v.connected}
          onChange={(e) => setV({ ...v, connected: e.target.checked })}
        />
        {t('collections.outcomeSettings.connectedHelp')}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t('collections.outcomeSettings.add')}
        </button>
        {add.isSuccess && <span role="status">{t('collections.outcomeSettings.added')}</span>}
      </div>
      {add.error && <ErrorPanel error={add.error} />}
    </form>
  );
}
