import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OCCUPANCIES,
  OWNER_KINDS,
  PROPERTY_TYPES,
  type CollateralKind,
  type ItemDetails,
  type ValuationSource,
} from '../../../../shared/contract';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Field } from '../../components/form';
import { DateField } from '../../components/DateField';
import { minorToInput, parseMoneyInput } from '../../format/format';
import { useFieldErrors, useCollateralMutation } from './shared-ui';
import { ValuationFields } from './ValuationDialog';

type PropertyForm = Extract<ItemDetails, { kind: 'property' }>;
type VehicleForm = Extract<ItemDetails, { kind: 'vehicle' }>;

const blankProperty: PropertyForm = {
  kind: 'property',
  address: '',
  propertyType: 'residential',
  floorAreaM2: '',
  titleCertificateNo: '',
  holdsTitleCertificate: false,
  mortgageRegistrationNo: '',
  mortgageRegistrationDate: null,
  holdsMortgageRegistration: false,
  lienPosition: 1,
  priorLienAmount: 0,
  ownerKind: 'borrower',
  ownerName: '',
  occupancy: 'owner-occupied',
};

const blankVehicle: VehicleForm = {
  kind: 'vehicle',
  vin: '',
  plate: '',
  make: '',
  model: '',
  year: new Date().getFullYear(),
  colour: '',
  mileageKm: 0,
  holdsRegistrationCertificate: false,
  holdsSpareKey: false,
  gpsInstalled: false,
  gpsDeviceId: '',
  insurer: '',
  insurancePolicyNo: '',
  insuranceExpiry: null,
  parkingLocation: '',
};

/**
 * Adds an item to a loan (with its first valuation), or edits one. The service checks every
 * rule; its refusals come back naming the field, and show beside that field.
 */
export function ItemForm({
  loanIds,
  existing,
  today,
  onDone,
}: {
  loanIds?: number[];
  existing?: { id: number; description: string; notes: string; details: ItemDetails };
  today: string;
  onDone: (result: { id: number; warnings: string[] }) => void;
}) {
  const { t } = useTranslation();
  const create = useCollateralMutation('collateral.create');
  const update = useCollateralMutation('collateral.update');
  const [details, setDetails] = useState<ItemDetails>(existing?.details ?? blankVehicle);
  const [description, setDescription] = useState(existing?.description ?? '');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [valuation, setValuation] = useState({
    date: today,
    source: 'appraiser' as ValuationSource,
    value: '',
    valuedBy: '',
  });
  const mutation = existing ? update : create;
  const errors = useFieldErrors(mutation.error);
  const err = (field: string) => errors[`details.${field}`];

  const setKind = (kind: CollateralKind) => setDetails(kind === 'vehicle' ? blankVehicle : blankProperty);
  const patch = (p: Partial<PropertyForm> | Partial<VehicleForm>) =>
    setDetails({ ...details, ...p } as ItemDetails);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = parseMoneyInput(valuation.value);
    const result = existing
      ? await update.mutateAsync({ id: existing.id, description, notes, details })
      : await create.mutateAsync({
          loanIds: loanIds ?? [],
          description,
          notes,
          details,
          ...(valuation.value.trim() ? { valuation: { ...valuation, value: value ?? -1, note: '' } } : {}),
        });
    onDone(result);
  };

  const text = (
    field: string,
    label: ReactNode,
    value: string,
    onChange: (v: string) => void,
    extra = {},
  ) => (
    <Field label={label} htmlFor={`ci-${field}`} error={err(field)}>
      <input id={`ci-${field}`} value={value} onChange={(e) => onChange(e.target.value)} {...extra} />
    </Field>
  );
  const check = (field: string, label: ReactNode, checked: boolean, onChange: (v: boolean) => void) => (
    <label className="check" htmlFor={`ci-${field}`}>
      <input
        id={`ci-${field}`}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {label}
    </label>
  );
  const date = (
    field: string,
    label: ReactNode,
    value: string | null,
    onChange: (v: string | null) => void,
  ) => (
    <Field label={label} htmlFor={`ci-${field}`} error={err(field)}>
      <DateField id={`ci-${field}`} optional value={value ?? ''} onChange={(iso) => onChange(iso || null)} />
    </Field>
  );

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
      <Field label={t('collateral.kind')} htmlFor="ci-kind">
        <select
          id="ci-kind"
          value={details.kind}
          disabled={existing !== undefined}
          onChange={(e) => setKind(e.target.value as CollateralKind)}
        >
          <option value="vehicle">{t('collateral.kinds.vehicle')}</option>
          <option value="property">{t('collateral.kinds.property')}</option>
        </select>
      </Field>
      {text('description', t('collateral.description'), description, setDescription)}

      {details.kind === 'vehicle' ? (
        <>
          {text('vin', t('collateral.vin'), details.vin, (vin) => patch({ vin }), {
            maxLength: 20,
            autoCapitalize: 'characters',
            spellCheck: false,
          })}
          {text('plate', t('collateral.plate'), details.plate, (plate) => patch({ plate }))}
          {text('make', t('collateral.make'), details.make, (make) => patch({ make }))}
          {text('model', t('collateral.model'), details.model, (model) => patch({ model }))}
          <Field label={t('collateral.year')} htmlFor="ci-year" error={err('year')}>
            <input
              id="ci-year"
              type="number"
              value={details.year}
              onChange={(e) => patch({ year: Number(e.target.value) })}
            />
          </Field>
          {text('colour', t('collateral.colour'), details.colour, (colour) => patch({ colour }))}
          <Field label={t('collateral.mileage')} htmlFor="ci-mileageKm" error={err('mileageKm')}>
            <input
              id="ci-mileageKm"
              type="number"
              min={0}
              value={details.mileageKm}
              onChange={(e) => patch({ mileageKm: Number(e.target.value) })}
            />
          </Field>
          {text('parkingLocation', t('collateral.parking'), details.parkingLocation, (parkingLocation) =>
            patch({ parkingLocation }),
          )}
          {text('insurer', t('collateral.insurer'), details.insurer, (insurer) => patch({ insurer }))}
          {text(
            'insurancePolicyNo',
            t('collateral.policyNo'),
            details.insurancePolicyNo,
            (insurancePolicyNo) => patch({ insurancePolicyNo }),
          )}
          {date(
            'insuranceExpiry',
            t('collateral.insuranceExpiry'),
            details.insuranceExpiry,
            (insuranceExpiry) => patch({ insuranceExpiry }),
          )}
          {text('gpsDeviceId', t('collateral.gpsDeviceId'), details.gpsDeviceId, (gpsDeviceId) =>
            patch({ gpsDeviceId }),
          )}
          <div className="field">
            {check('gpsInstalled', t('collateral.gpsInstalled'), details.gpsInstalled, (gpsInstalled) =>
              patch({ gpsInstalled }),
            )}
            {check(
              'holdsRegistrationCertificate',
              t('collateral.holdsRegistration'),
              details.holdsRegistrationCertificate,
              (holdsRegistrationCertificate) => patch({ holdsRegistrationCertificate }),
            )}
            {check('holdsSpareKey', t('collateral.holdsSpareKey'), details.holdsSpareKey, (holdsSpareKey) =>
              patch({ holdsSpareKey }),
            )}
          </div>
        </>
      ) : (
        <>
          {text('address', t('collateral.address'), details.address, (address) => patch({ address }))}
          <Field label={t('collateral.propertyType')} htmlFor="ci-propertyType">
            <select
              id="ci-propertyType"
              value={details.propertyType}
              onChange={(e) => patch({ propertyType: e.target.value as PropertyForm['propertyType'] })}
            >
              {PROPERTY_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`collateral.propertyTypes.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          {text(
            'floorAreaM2',
            t('collateral.floorArea'),
            details.floorAreaM2,
            (floorAreaM2) => patch({ floorAreaM2 }),
            {
              inputMode: 'decimal',
            },
          )}
          {text(
            'titleCertificateNo',
            t('collateral.titleNo'),
            details.titleCertificateNo,
            (titleCertificateNo) => patch({ titleCertificateNo }),
          )}
          {text(
            'mortgageRegistrationNo',
            t('collateral.mortgageNo'),
            details.mortgageRegistrationNo,
            (mortgageRegistrationNo) => patch({ mortgageRegistrationNo }),
          )}
          {date(
            'mortgageRegistrationDate',
            t('collateral.mortgageDate'),
            details.mortgageRegistrationDate,
            (mortgageRegistrationDate) => patch({ mortgageRegistrationDate }),
          )}
          <Field label={t('collateral.lienPosition')} htmlFor="ci-lienPosition">
            <select
              id="ci-lienPosition"
              value={details.lienPosition}
              onChange={(e) => {
                const lienPosition = Number(e.target.value) as 1 | 2;
                patch({ lienPosition, ...(lienPosition === 1 ? { priorLienAmount: 0 } : {}) });
              }}
            >
              <option value={1}>{t('collateral.lien.1')}</option>
              <option value={2}>{t('collateral.lien.2')}</option>
            </select>
          </Field>
          {details.lienPosition === 2 &&
            text(
              'priorLienAmount',
              t('collateral.priorLien'),
              details.priorLienAmount ? minorToInput(details.priorLienAmount) : '',
              (v) => patch({ priorLienAmount: parseMoneyInput(v) ?? 0 }),
              { inputMode: 'decimal' },
            )}
          <Field label={t('collateral.owner')} htmlFor="ci-ownerKind">
            <select
              id="ci-ownerKind"
              value={details.ownerKind}
              onChange={(e) => patch({ ownerKind: e.target.value as PropertyForm['ownerKind'] })}
            >
              {OWNER_KINDS.map((o) => (
                <option key={o} value={o}>
                  {t(`collateral.owners.${o}`)}
                </option>
              ))}
            </select>
          </Field>
          {details.ownerKind === 'third-party' &&
            text('ownerName', t('collateral.ownerName'), details.ownerName, (ownerName) =>
              patch({ ownerName }),
            )}
          <Field label={t('collateral.occupancy')} htmlFor="ci-occupancy">
            <select
              id="ci-occupancy"
              value={details.occupancy}
              onChange={(e) => patch({ occupancy: e.target.value as PropertyForm['occupancy'] })}
            >
              {OCCUPANCIES.map((o) => (
                <option key={o} value={o}>
                  {t(`collateral.occupancies.${o}`)}
                </option>
              ))}
            </select>
          </Field>
          <div className="field">
            {check(
              'holdsTitleCertificate',
              t('collateral.holdsTitle'),
              details.holdsTitleCertificate,
              (holdsTitleCertificate) => patch({ holdsTitleCertificate }),
            )}
            {check(
              'holdsMortgageRegistration',
              t('collateral.holdsMortgage'),
              details.holdsMortgageRegistration,
              (holdsMortgageRegistration) => patch({ holdsMortgageRegistration }),
            )}
          </div>
        </>
      )}

      {!existing && (
        <fieldset className="form-actions" style={{ display: 'block' }}>
          <legend>{t('collateral.firstValuation')}</legend>
          <div className="form-grid">
            <ValuationFields
              idPrefix="cv"
              today={today}
              valuation={valuation}
              onChange={(patch) => setValuation({ ...valuation, ...patch })}
              errors={{
                value: errors['valuation.value'],
                date: errors['valuation.date'],
                valuedBy: errors['valuation.valuedBy'],
              }}
            />
          </div>
        </fieldset>
      )}
      {text('notes', t('collateral.notes'), notes, setNotes)}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
          {t('common.save')}
        </button>
      </div>
      {mutation.error && Object.keys(errors).length === 0 && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
