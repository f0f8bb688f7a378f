import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../app/prefs';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Field } from '../../components/form';
import { DateField } from '../../components/DateField';
import { auditActionLabel, auditEntityLabel } from './audit-action';
import { useDebounced } from '../../components/useDebounced';
import { auditChanges, auditValue } from './audit-diff';

const PAGE = 200;

/** The audit viewer in Settings: filter by user, record type, date or refused attempts; verify the hash chain. */
export function AuditCard() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [username, setUsername] = useState('');
  const [entity, setEntity] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [refusedOnly, setRefusedOnly] = useState(false);
  const typedUser = useDebounced(username, 300);
  const typedEntity = useDebounced(entity, 300);
  const list = useApi('audit.list', {
    username: typedUser,
    entity: typedEntity,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    refusedOnly,
    limit: PAGE,
  });
  const verify = useApiMutation('audit.verify');

  return (
    <Card title={t('access.auditTitle')}>
      <div className="form-grid">
        <Field label={t('access.auditUser')} htmlFor="audit-user">
          <input id="audit-user" value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label={t('access.auditEntity')} htmlFor="audit-entity">
          <input id="audit-entity" value={entity} onChange={(e) => setEntity(e.target.value)} />
        </Field>
        <Field label={t('access.auditFrom')} htmlFor="audit-from">
          <DateField id="audit-from" optional value={from} onChange={setFrom} />
        </Field>
        <Field label={t('access.auditTo')} htmlFor="audit-to">
          <DateField id="audit-to" optional value={to} onChange={setTo} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={refusedOnly} onChange={(e) => setRefusedOnly(e.target.checked)} />{' '}
          {t('access.auditRefusedOnly')}
        </label>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => verify.mutate({})} disabled={verify.isPending}>
          {t('access.verify')}
        </button>
        {verify.data && (
          <span role="status" className={verify.data.ok ? 'muted' : 'field-error'}>
            {verify.data.ok
              ? t('access.verifyOk', { count: verify.data.rows })
              : t('access.verifyBroken', {
                  id: verify.data.firstBroken?.id,
                  problem: verify.data.firstBroken?.problem,
                })}
          </span>
        )}
      </div>
      {verify.error && <ErrorPanel error={verify.error} />}
      {list.error && <ErrorPanel error={list.error} />}
      {list.data && list.data.rows.length === 0 && <p className="muted">{t('access.auditNone')}</p>}
      {list.data && list.data.rows.length > 0 && (
        <>
          <p className="muted">
            {t('access.auditShown', { shown: list.data.rows.length, total: list.data.total })}
          </p>
          <table className="grid audit-table" aria-label={t('access.auditTitle')}>
            <thead>
              <tr>
                <th className="audit-id">#</th>
                <th className="audit-when">{t('access.auditWhen')}</th>
                <th>{t('access.auditUser')}</th>
                <th>{t('access.auditRecord')}</th>
                <th>{t('access.auditAction')}</th>
                <th className="audit-change">{t('access.auditChange')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.id}</td>
                  <td className="nowrap">{prefs.dateTime(r.at)}</td>
                  <td>{r.username}</td>
                  <td>
                    {auditEntityLabel(t, r.entity)} {r.entityId}
                  </td>
                  <td>{auditActionLabel(t, r.action)}</td>
                  <td className="audit-change">
                    <AuditChange before={r.before} after={r.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}

/** Changed fields shown at once; an entry that changed more (a loan created) folds the rest away. */
const FIELDS_SHOWN = 3;

/** Field, before, after: the entry's changed fields with amounts and dates as the screen writes them. */
function AuditChange({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <span className="muted">{t('access.auditNoFieldChanged')}</span>;
  // Folding only pays when it hides more than one row.
  const folds = changes.length > FIELDS_SHOWN + 1;
  const shown = folds ? changes.slice(0, FIELDS_SHOWN) : changes;
  return (
    <>
      <ChangeTable changes={shown} />
      {folds && (
        <details className="audit-more">
          <summary>{t('access.auditMoreFields', { count: changes.length - FIELDS_SHOWN })}</summary>
          <ChangeTable changes={changes.slice(FIELDS_SHOWN)} />
        </details>
      )}
    </>
  );
}

function ChangeTable({ changes }: { changes: ReturnType<typeof auditChanges> }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  return (
    <table className="audit-diff">
      <thead>
        <tr>
          <th>{t('access.auditField')}</th>
          <th>{t('access.auditBefore')}</th>
          <th>{t('access.auditAfter')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field}</th>
            <td>{auditValue(c.field, c.before, prefs)}</td>
            <td>{auditValue(c.field, c.after, prefs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
