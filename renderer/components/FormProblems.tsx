import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

/**
 * Moves to the first field in error of a form (after a failed save): scrolls it into view and puts
 * the cursor in it, so a problem at the top of a long, scrolled form is never missed.
 */
export function focusFirstError(form: HTMLElement | null): void {
  const field = form?.querySelector<HTMLElement>(
    '.field-invalid input, .field-invalid select, .field-invalid textarea, .field-invalid',
  );
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
  const failureText =
    failure instanceof ApiError
      ? withMessage
        ? `${tk(`error.${failure.code}`)} ${failure.message}`
        : tk(`error.${failure.code}`)
      : t('error.INTERNAL');
  return (
    <>
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
