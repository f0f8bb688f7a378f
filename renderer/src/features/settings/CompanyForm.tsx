import { useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { wordedResolver } from '../../components/worded-resolver';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { companyProfileShape, MAX_LOGO_CHARS, type CompanyProfile } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Field } from '../../components/form';
import { Letterhead } from '../../components/Letterhead';

const companySchema = z.object(companyProfileShape);
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const TEXT_FIELDS = [
  'companyName',
  'companyAddress',
  'companyPhone',
  'companyLicence',
  'contactName',
  'contactTitle',
  'contactPhone',
] as const;

/** Reads a picked image as the data URL the settings keep, or says why it cannot be the logo. */
function readLogo(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!LOGO_TYPES.includes(file.type)) return reject(new Error('type'));
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      if (url.length > MAX_LOGO_CHARS) reject(new Error('size'));
      else resolve(url);
    };
    reader.onerror = () => reject(new Error('read'));
    reader.readAsDataURL(file);
  });
}

/**
 * The lender's identity as documents print it: name, address, phone, licence, logo, and the
 * contact who signs letters. Used by first-run set-up and by Settings → Company; it saves only
 * these keys, so it never overwrites another section's settings.
 */
export function CompanyForm({
  onSaved,
  submitLabel,
  extraActions,
}: {
  onSaved?: () => void;
  submitLabel: string;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { settings } = usePrefs();
  const save = useApiMutation('settings.update', ['settings.']);
  const initial = Object.fromEntries(
    Object.keys(companyProfileShape).map((k) => [k, settings[k as keyof CompanyProfile]]),
  ) as CompanyProfile;
  const form = useForm<CompanyProfile>({ resolver: wordedResolver(companySchema), defaultValues: initial });
  const errors = form.formState.errors;
  const fileInput = useRef<HTMLInputElement>(null);
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const watched = useWatch({ control: form.control });
  const logo = watched.companyLogo;
  const preview = { ...initial, ...watched };

  const pickLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      form.setValue('companyLogo', await readLogo(file), { shouldDirty: true });
      setLogoProblem(null);
    } catch (e) {
      const why = e instanceof Error ? e.message : 'read';
      setLogoProblem(why === 'size' ? t('settings.company.logoTooLarge') : t('settings.company.logoType'));
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await save.mutateAsync(values);
    form.reset(Object.fromEntries(Object.keys(values).map((k) => [k, saved[k as keyof CompanyProfile]])));
    onSaved?.();
  });

  return (
    <form className="company-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="form-grid">
        {TEXT_FIELDS.map((name, i) => (
          <Field
            key={name}
            label={t(`settings.company.fields.${name}`)}
            htmlFor={`company-${name}`}
            error={errors[name]}
          >
            <input
              id={`company-${name}`}
              data-autofocus={i === 0 ? true : undefined}
              autoComplete="off"
              {...form.register(name)}
            />
          </Field>
        ))}
        <Field
          label={t('settings.company.fields.companyLogo')}
          htmlFor="company-logo"
          hint={t('settings.company.logoHint')}
          error={logoProblem ?? errors.companyLogo}
        >
          <div className="logo-picker">
            {/* The browser's own file button speaks the OS language, not the app's; ours does. */}
            <input
              ref={fileInput}
              id="company-logo"
              className="visually-hidden"
              type="file"
              accept={LOGO_TYPES.join(',')}
              onChange={(e) => void pickLogo(e)}
            />
            <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
              {t('settings.company.chooseLogo')}
            </button>
            {logo && <img className="letterhead-logo" src={logo} alt="" />}
            {logo && (
              <button
                type="button"
                className="btn"
                onClick={() => form.setValue('companyLogo', '', { shouldDirty: true })}
              >
                {t('settings.company.removeLogo')}
              </button>
            )}
          </div>
        </Field>
      </div>
      <div className="letterhead-preview" aria-label={t('settings.company.preview')}>
        <Letterhead profile={preview} />
      </div>
      {save.error && <ErrorPanel error={save.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {submitLabel}
        </button>
        {extraActions}
        {save.isSuccess && !form.formState.isDirty && <span className="muted">{t('common.saved')}</span>}
      </div>
    </form>
  );
}
