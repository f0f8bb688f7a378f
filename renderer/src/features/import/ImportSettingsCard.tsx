import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Field } from '../../components/form';
import { PercentField } from '../../components/NumberField';

const CEILING = 'import.rateCeilingPercent';

/** Settings → Loans: the annual rate above which the import preview warns of a loan. */
export function ImportSettingsCard() {
  const current = useApi('settings.get', {});
  return current.data ? <ImportSettingsForm initial={current.data[CEILING]} /> : null;
}

function ImportSettingsForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const save = useApiMutation('settings.update', ['settings.']);
  const [ceiling, setCeiling] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ [CEILING]: ceiling });
  };
  return (
    <Card title={t('settings.importSettings.title')}>
      <form className="form-grid" onSubmit={submit} noValidate>
        <Field
          label={t('settings.importSettings.rateCeilingPercent')}
          htmlFor="is-rate-ceiling"
          hint={t('settings.importSettings.rateCeilingHelp')}
        >
          <PercentField id="is-rate-ceiling" value={ceiling} onChange={setCeiling} />
        </Field>
        {save.error && <ErrorPanel error={save.error} />}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('settings.importSettings.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
