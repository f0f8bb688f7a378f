import { useForm } from 'react-hook-form';
import { wordedResolver } from '../../components/worded-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  BORROWER_KINDS,
  ID_TYPES,
  createBorrowerSchema,
  updateBorrowerSchema,
} from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { Field } from '../../components/form';
import { ErrorPanel } from '../../app/ErrorBoundary';

type FormValues = z.input<typeof createBorrowerSchema>;

const EMPTY: FormValues = {
  kind: 'person',
  name: '',
  idType: 'resident-id',
  idNumber: '',
  phone: '',
  altPhone: '',
  address: '',
  employer: '',
  notes: '',
};

/**
 * Create or edit a borrower. The form validates with the same schema main uses. When editing,
 * the ID number field starts empty: the full number never comes back to the screen.
 */
export function BorrowerForm({
  existing,
  onSaved,
  onCancel,
}: {
  existing?: { id: number; idNumberMasked: string } & Omit<FormValues, 'idNumber'>;
  onSaved: (id: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useApiMutation('borrowers.create', ['borrowers.', 'loans.', 'search.']);
  const update = useApiMutation('borrowers.update', ['borrowers.', 'loans.', 'search.']);
  const schema = existing ? updateBorrowerSchema.omit({ id: true }) : createBorrowerSchema;
  const form = useForm<FormValues>({
    resolver: wordedResolver(schema as unknown as typeof createBorrowerSchema),
    defaultValues: existing ? { ...existing, idNumber: '' } : EMPTY,
  });
  const errors = form.formState.errors;
  const mutation = existing ? update : create;

  const onSubmit = form.handleSubmit(async (values) => {
    if (existing) {
      const { idNumber, ...rest } = values;
      const saved = await update.mutateAsync({ ...rest, id: existing.id, ...(idNumber ? { idNumber } : {}) });
      onSaved(saved.id);
    } else {
      onSaved((await create.mutateAsync(values)).id);
    }
  });

  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate>
      <Field label={t('borrowers.kind')} htmlFor="b-kind" error={errors.kind}>
        <select id="b-kind" {...form.register('kind')}>
          {BORROWER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`common.borrowerKinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('borrowers.name')} htmlFor="b-name" error={errors.name}>
        <input id="b-name" autoFocus {...form.register('name')} />
      </Field>
      <Field label={t('borrowers.idType')} htmlFor="b-idType" error={errors.idType}>
        <select id="b-idType" {...form.register('idType')}>
          {ID_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`common.idTypes.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('borrowers.idNumber')}
        htmlFor="b-idNumber"
        error={errors.idNumber}
        hint={existing ? t('borrowers.idNumberKeep', { masked: existing.idNumberMasked }) : undefined}
      >
        <input id="b-idNumber" autoComplete="off" {...form.register('idNumber')} />
      </Field>
      <Field label={t('borrowers.phone')} htmlFor="b-phone" error={errors.phone}>
        <input id="b-phone" {...form.register('phone')} />
      </Field>
      <Field label={t('borrowers.altPhone')} htmlFor="b-altPhone" error={errors.altPhone}>
        <input id="b-altPhone" {...form.register('altPhone')} />
      </Field>
      <Field label={t('borrowers.address')} htmlFor="b-address" error={errors.address}>
        <input id="b-address" {...form.register('address')} />
      </Field>
      <Field label={t('borrowers.employer')} htmlFor="b-employer" error={errors.employer}>
        <input id="b-employer" {...form.register('employer')} />
      </Field>
      <Field label={t('borrowers.notes')} htmlFor="b-notes" error={errors.notes}>
        <textarea id="b-notes" rows={2} {...form.register('notes')} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {mutation.error && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
