import { useState, type KeyboardEvent } from 'react';
import { DateInput, TimePicker } from '@mantine/dates';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../../shared/format/typed-date';
import { usePrefs } from '../app/prefs';
import { useBoundField, type BoundFieldProps, type FormBinding } from './bound-field';

export interface DateFieldProps {
  id: string;
  /** 'YYYY-MM-DD', or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  /** The field may be left empty: clearing the text clears the date. */
  optional?: boolean;
  invalid?: boolean;
  autoFocus?: boolean;
  /** The last day the calendar offers (today, for money received); typing a later one is left to the form. */
  latest?: string;
}

/**
 * A date typed in the locale's order or in ISO (2026/12/3, 12/03/2026 in English, 2026-12-03,
 * 20261203) and shown as formatDate writes it; the calendar opens on a click or Alt+↓, never just
 * on focus, so tabbing through a form does not drop a calendar over the fields below. A date the
 * field cannot read leaves the last good one in place. Limits such as "not after today" are left to
 * the form's rules, which say why a date is refused instead of ignoring it silently.
 */
export function DateField({
  id,
  value,
  onChange,
  onBlur,
  optional,
  invalid,
  autoFocus,
  latest,
}: DateFieldProps) {
  const { locale, date } = usePrefs();
  const [calendar, setCalendar] = useState(false);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      setCalendar(true);
    } else if (event.key === 'Escape' && calendar) {
      // The first Esc closes the calendar, not the dialog the field sits in.
      event.stopPropagation();
      setCalendar(false);
    }
  };
  return (
    <DateInput
      id={id}
      value={value === '' ? null : value}
      onChange={(next) => {
        onChange(next ?? '');
        setCalendar(false);
      }}
      onBlur={() => {
        setCalendar(false);
        onBlur?.();
      }}
      onClick={() => setCalendar(true)}
      onKeyDown={onKeyDown}
      popoverProps={{ opened: calendar, withinPortal: true, transitionProps: { duration: 0 } }}
      valueFormat={(iso) => date(iso)}
      dateParser={(text) => parseTypedDate(text, locale)}
      getDayProps={latest === undefined ? undefined : (day) => ({ disabled: day > latest })}
      allowDeselect={optional ?? false}
      error={invalid || undefined}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      className="date-field"
    />
  );
}

/** DateField bound to a react-hook-form field holding 'YYYY-MM-DD'. */
export function FormDateField<T extends FieldValues>({
  control,
  name,
  ...rest
}: Omit<DateFieldProps, keyof BoundFieldProps> & FormBinding<T>) {
  return <DateField {...rest} {...useBoundField(control, name)} />;
}

/**
 * A day and a time of day, 'YYYY-MM-DDTHH:mm', or '' when both are empty: the date as DateField
 * takes it, the time in 24-hour hours and minutes the keyboard steps through. A date without its
 * time comes back as 'YYYY-MM-DDT', which the form refuses beside the field rather than guessing an
 * hour (a guessed midnight would break the contact rules).
 */
export function DateTimeField({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const [day = '', time = ''] = value.split('T');
  const join = (d: string, hm: string) => (d === '' ? '' : `${d}T${hm}`);
  return (
    <div className="datetime-field">
      <DateField id={id} optional value={day} invalid={invalid} onChange={(d) => onChange(join(d, time))} />
      <TimePicker
        value={time}
        onChange={(hm) => onChange(join(day, hm.slice(0, 5)))}
        format="24h"
        hoursInputProps={{ id: `${id}-hour` }}
        minutesInputProps={{ id: `${id}-minute` }}
        hoursInputLabel={t('common.hour')}
        minutesInputLabel={t('common.minute')}
        error={invalid || undefined}
        className="time-field"
      />
    </div>
  );
}
