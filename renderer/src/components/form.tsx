import type { ReactNode } from 'react';

/** A labelled form field with its validation message tied to the input for screen readers. */
export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  error?: { message?: string | undefined } | string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const message = typeof error === 'string' ? error : error?.message;
  return (
    <div className={`field ${message ? 'field-invalid' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && !message && <div className="field-hint">{hint}</div>}
      {message && (
        <div className="field-error" id={`${htmlFor}-error`} role="alert">
          {message}
        </div>
      )}
    </div>
  );
}

/** A select over a fixed list of codes (a setting's choices), each worded by `label`. */
export function CodeSelect<T extends string>({
  id,
  value,
  codes,
  label,
  onChange,
}: {
  id: string;
  value: T;
  codes: readonly T[];
  label: (code: T) => string;
  onChange: (code: T) => void;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(codes.find((c) => c === e.target.value) ?? value)}
    >
      {codes.map((c) => (
        <option key={c} value={c}>
          {label(c)}
        </option>
      ))}
    </select>
  );
}
