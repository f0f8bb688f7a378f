import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

/** The props a controlled field of ours takes from react-hook-form: a string value and its events. */
export interface BoundFieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  invalid: boolean;
}

/**
 * A react-hook-form field held as text, handed to one of the kit's controlled inputs (a date, an
 * amount), which cannot take `register`'s uncontrolled ref the way a plain <input> does.
 */
export function useBoundField<T extends FieldValues>(control: Control<T>, name: Path<T>): BoundFieldProps {
  const { field, fieldState } = useController({ control, name });
  return {
    value: typeof field.value === 'string' ? field.value : '',
    onChange: field.onChange,
    onBlur: field.onBlur,
    invalid: fieldState.invalid,
  };
}

/** What a form-bound variant of a field adds to the field's own props. */
export interface FormBinding<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
}
