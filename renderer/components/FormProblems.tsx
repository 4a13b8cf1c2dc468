import { useEffect, useRef } from 'react';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

/**
 * Moves to the first field in error of a form (after a failed save): scrolls it into view and puts
 * the cursor in it, so a problem at the top of a long, scrolled form is never missed.
 */
export function focusFirstError(form: HTMLElement | null): void {
  // The first field in error, then what is typed into in it (the field's own element comes first
  // in the document, and a label takes no focus).
  const invalid = form?.querySelector<HTMLElement>('.field-invalid');
  const field =
    invalid?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, [tabindex]') ?? invalid;
  if (!field) return;
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
}

/**
 * A form's summary under its fields: that some fields need fixing (`fixText`, when any has an
 * error), and a failure that names no field, as its error code's text (with core's message when
 * `withMessage`).
 */
export function FormProblems({
  errors,
  fixText,
  failure,
  withMessage = false,
}: {
  errors: Record<string, string>;
  fixText?: string;
  failure: unknown;
  withMessage?: boolean;
}) {
  const { t, tk } = useI18n();
  // A save refused for its fields (none in error before): the first of them is brought into view
  // and takes the focus, so that it is the next thing typed in (the field was off screen above the
  // summary, the focus left on Save).
  const summary = useRef<HTMLSpanElement>(null);
  const count = Object.values(errors).filter((message) => message !== '').length;
  const hadErrors = useRef(count > 0);
  useEffect(() => {
    const had = hadErrors.current;
    hadErrors.current = count > 0;
    if (had || count === 0) return;
    const form = summary.current?.closest('form') ?? null;
    requestAnimationFrame(() => focusFirstError(form));
  }, [count]);
  const failureText =
    failure instanceof ApiError
      ? withMessage
        ? `${tk(`error.${failure.code}`)} ${failure.message}`
        : tk(`error.${failure.code}`)
      : t('error.INTERNAL');
  return (
    <>
      <span ref={summary} hidden />
      {fixText !== undefined && Object.keys(errors).length > 0 && (
        <p className="form-summary" role="alert">
          {fixText}
        </p>
      )}
      {failure !== null && (
        <p className="form-summary" role="alert">
          {failureText}
        </p>
      )}
    </>
  );
}
