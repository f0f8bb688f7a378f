import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LETTER_KINDS,
  LETTER_LOCALES,
  MERGE_FIELDS,
  type LetterKind,
  type LetterLocale,
  type LetterTemplates,
} from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Field } from '../../components/form';

/** Settings → letter templates: each kind in each language, with {{merge}} fields. */
export function LetterTemplatesCard() {
  const templates = useApi('collections.letterTemplates', {});
  return templates.data ? <TemplateEditor templates={templates.data} /> : null;
}

function TemplateEditor({ templates }: { templates: LetterTemplates }) {
  const { t } = useTranslation();
  const save = useApiMutation('collections.updateLetterTemplate', ['collections.']);
  const [kind, setKind] = useState<LetterKind>('reminder');
  const [locale, setLocale] = useState<LetterLocale>('zh-CN');
  const [draft, setDraft] = useState(templates[kind][locale]);
  const pick = (k: LetterKind, l: LetterLocale) => {
    setKind(k);
    setLocale(l);
    setDraft(templates[k][l]);
    save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ kind, locale, ...draft });
  };
  return (
    <Card title={t('collections.letters.templates')}>
      <form className="form-grid" onSubmit={submit} noValidate>
        <Field label={t('collections.letters.kind')} htmlFor="lt-kind">
          <select id="lt-kind" value={kind} onChange={(e) => pick(e.target.value as LetterKind, locale)}>
            {LETTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`collections.letters.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('collections.letters.language')} htmlFor="lt-locale">
          <select id="lt-locale" value={locale} onChange={(e) => pick(kind, e.target.value as LetterLocale)}>
            {LETTER_LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`app.languages.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('collections.letters.subject')} htmlFor="lt-subject">
          <input
            id="lt-subject"
            value={draft.subject}
            onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
          />
        </Field>
        <Field
          label={t('collections.letters.body')}
          htmlFor="lt-body"
          hint={t('collections.letters.fields', {
            fields: MERGE_FIELDS.map((f) => `{{${f}}}`).join(' '),
            interpolation: { escapeValue: false },
          })}
        >
          <textarea
            id="lt-body"
            rows={10}
            value={draft.body}
            onChange={(e) => setDraft({ ...draft, body: e.target.value })}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('collections.letters.save')}
          </button>
          {save.isSuccess && <span role="status">{t('collections.letters.saved')}</span>}
        </div>
        {save.error && <ErrorPanel error={save.error} />}
      </form>
    </Card>
  );
}
