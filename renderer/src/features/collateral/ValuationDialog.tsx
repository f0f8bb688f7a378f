import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VALUATION_SOURCES, type ValuationSource } from '../../../../shared/contract';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Field } from '../../components/form';
import { AmountField } from '../../components/NumberField';
import { DateField } from '../../components/DateField';
import { parseMoneyInput } from '../../format/format';
import { readFileAsBase64 } from './Attachments';
import { useFieldErrors, useCollateralMutation } from './shared-ui';
import { FilePicker } from '../../components/FilePicker';

/** Records a dated valuation, with its source, who made it, and an optional supporting document. */
export function ValuationDialog({
  itemId,
  today,
  onDone,
}: {
  itemId: number;
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useCollateralMutation('collateral.addValuation');
  const upload = useCollateralMutation('attachments.upload');
  const [v, setV] = useState({
    date: today,
    source: 'appraiser' as ValuationSource,
    value: '',
    valuedBy: '',
    note: '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const errors = useFieldErrors(add.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFileError(null);
    const document = file
      ? await readFileAsBase64(file).catch((err: Error) => setFileError(err.message))
      : null;
    if (file && !document) return;
    const { id } = await add.mutateAsync({ itemId, ...v, value: parseMoneyInput(v.value) ?? -1 });
    if (document && file) {
      await upload.mutateAsync({
        valuationId: id,
        category: 'appraisal',
        fileName: file.name,
        mime: file.type || 'application/octet-stream',
        dataBase64: document,
      });
    }
    onDone();
  };

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
      <ValuationFields
        idPrefix="vd"
        today={today}
        autoFocus
        valuation={v}
        onChange={(patch) => setV({ ...v, ...patch })}
        errors={{ value: errors.value, date: errors.date, valuedBy: errors.valuedBy }}
      />
      <Field label={t('collateral.valuation.note')} htmlFor="vd-note">
        <input id="vd-note" value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} />
      </Field>
      <Field label={t('collateral.valuation.document')} htmlFor="vd-file" error={fileError ?? undefined}>
        <FilePicker
          id="vd-file"
          accept="image/*,application/pdf"
          onFiles={(files) => setFile(files?.[0] ?? null)}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={add.isPending || upload.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {add.error && Object.keys(errors).length === 0 && <ErrorPanel error={add.error} />}
      {upload.error && <ErrorPanel error={upload.error} />}
    </form>
  );
}

export interface ValuationInputs {
  value: string;
  date: string;
  source: ValuationSource;
  valuedBy: string;
}

/** Value, date, source and valuer: a new valuation, and the first one given with a new item. */
export function ValuationFields({
  idPrefix,
  today,
  autoFocus = false,
  valuation,
  onChange,
  errors,
}: {
  idPrefix: string;
  today: string;
  autoFocus?: boolean;
  valuation: ValuationInputs;
  onChange: (patch: Partial<ValuationInputs>) => void;
  errors: { value?: string; date?: string; valuedBy?: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('collateral.valuation.value')} htmlFor={`${idPrefix}-value`} error={errors.value}>
        <AmountField
          id={`${idPrefix}-value`}
          autoFocus={autoFocus}
          value={valuation.value}
          onChange={(value) => onChange({ value })}
        />
      </Field>
      <Field label={t('collateral.valuation.date')} htmlFor={`${idPrefix}-date`} error={errors.date}>
        <DateField
          id={`${idPrefix}-date`}
          latest={today}
          value={valuation.date}
          onChange={(date) => onChange({ date })}
        />
      </Field>
      <Field label={t('collateral.valuation.source')} htmlFor={`${idPrefix}-source`}>
        <select
          id={`${idPrefix}-source`}
          value={valuation.source}
          onChange={(e) => onChange({ source: e.target.value as ValuationSource })}
        >
          {VALUATION_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`collateral.sources.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collateral.valuation.by')} htmlFor={`${idPrefix}-by`} error={errors.valuedBy}>
        <input
          id={`${idPrefix}-by`}
          value={valuation.valuedBy}
          onChange={(e) => onChange({ valuedBy: e.target.value })}
        />
      </Field>
    </>
  );
}
