import { NumberInput } from '@mantine/core';
import type { FieldValues } from 'react-hook-form';
import { usePrefs } from '../app/prefs';
import { useBoundField, type BoundFieldProps, type FormBinding } from './bound-field';

interface NumberFieldProps {
  id: string;
  /** The figure as typed, without grouping ('1234567.5'), or '' for none. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  invalid?: boolean;
  autoFocus?: boolean;
}

/**
 * The kit's number entry, kept as text: the forms and the contract read amounts and rates from
 * strings (parseMoneyInput, exact rationals). The kit hands back a number for a complete figure;
 * every figure a lender types (up to 999,999,999,999.99, 15 significant digits) survives the
 * round trip through String exactly, and longer ones come back as text. Only digits and one
 * decimal point can be typed; the unit is shown after the figure and is not part of it.
 */
function NumberField({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  autoFocus,
  unit,
  grouped,
  decimals,
}: NumberFieldProps & { unit: string; grouped: boolean; decimals: number }) {
  return (
    <NumberInput
      id={id}
      value={value}
      onChange={(next) => onChange(String(next))}
      onBlur={onBlur}
      thousandSeparator={grouped ? ',' : undefined}
      decimalScale={decimals}
      allowNegative={false}
      hideControls
      rightSection={<span className="field-unit">{unit}</span>}
      rightSectionPointerEvents="none"
      rightSectionWidth={unit.length > 1 ? 44 : 28}
      error={invalid || undefined}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      className="number-field"
    />
  );
}

/** An amount of money in the book's currency: grouped as it is typed, cents at most. */
export function AmountField(props: NumberFieldProps) {
  const { settings } = usePrefs();
  return <NumberField {...props} unit={settings.currency} grouped decimals={2} />;
}

/** A rate or share in percent (annual rate, daily penalty rate, a fee). */
export function PercentField(props: NumberFieldProps) {
  return <NumberField {...props} unit="%" grouped={false} decimals={6} />;
}

export function FormAmountField<T extends FieldValues>({
  control,
  name,
  ...rest
}: Omit<NumberFieldProps, keyof BoundFieldProps> & FormBinding<T>) {
  return <AmountField {...rest} {...useBoundField(control, name)} />;
}

export function FormPercentField<T extends FieldValues>({
  control,
  name,
  ...rest
}: Omit<NumberFieldProps, keyof BoundFieldProps> & FormBinding<T>) {
  return <PercentField {...rest} {...useBoundField(control, name)} />;
}
