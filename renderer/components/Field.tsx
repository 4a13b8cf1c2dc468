import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useI18n } from '../lib/i18n';
import './kit.css';

/**
 * One labelled form field with its error (in the user's language) right under it, else its hint.
 * With `htmlFor` the label points at the control's id; without it the label wraps the control.
 * The error's test id is `error-<htmlFor or name>`; an error may be a message key or a sentence.
 */
export function Field({
  label,
  error,
  hint,
  children,
  wide,
  htmlFor,
  name,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
  wide?: boolean | undefined;
  htmlFor?: string;
  /** The field's name (for `data-field` and the error's test id) when the label wraps the control. */
  name?: string;
}) {
  const { tk } = useI18n();
  const id = htmlFor ?? name ?? '';
  const className = `field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`;
  const below = error ? (
    <span className="field-error" role="alert" id={`${id}-error`} data-testid={`error-${id}`}>
      {tk(error)}
    </span>
  ) : (
    hint !== undefined && <span className="field-hint">{hint}</span>
  );
  if (htmlFor === undefined) {
    return (
      <label className={className} data-field={name}>
        <span className="field-label">{label}</span>
        {children}
        {below}
      </label>
    );
  }
  return (
    <div className={className}>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {below}
    </div>
  );
}

/**
 * A select of coded values (an `as const` list) with labels from the catalog (`<prefix>.<code>`);
 * `empty` adds a first option meaning "none" / "any", chosen as `null`.
 */
export function CodeSelect<C extends string>({
  codes,
  labelPrefix,
  value,
  onChange,
  empty,
  ...rest
}: {
  codes: readonly C[];
  labelPrefix: string;
  value: C | null;
  onChange: (code: C | null) => void;
  empty?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const { tk } = useI18n();
  return (
    <select
      {...rest}
      value={value ?? ''}
      onChange={(event) => onChange(codes.find((code) => code === event.target.value) ?? null)}
    >
      {empty !== undefined && <option value="">{empty}</option>}
      {codes.map((code) => (
        <option key={code} value={code}>
          {tk(`${labelPrefix}.${code}`)}
        </option>
      ))}
    </select>
  );
}
