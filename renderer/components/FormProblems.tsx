import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

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
