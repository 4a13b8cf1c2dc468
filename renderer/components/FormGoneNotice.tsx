import { goneMessage, type Gone } from '../lib/record-gone';
import { useI18n } from '../lib/i18n';

/**
 * Beside an open form's Save: its record is no longer in the registry (a colleague deleted it or
 * merged it into another record, an import was undone), said as soon as the change is announced,
 * with who and when; the typing stays in the form. A merge offers to open the record kept with the
 * typing carried onto it (walkthrough 22, finding 5).
 */
export function FormGoneNotice({ gone, onOpenKept }: { gone: Gone; onOpenKept?: (intoId: number) => void }) {
  const { tk, t, formatDateTime } = useI18n();
  const { key, params } = goneMessage(gone, formatDateTime);
  return (
    <p className="form-summary form-summary-inline" role="alert" data-testid="form-gone">
      {tk(key, params)}{' '}
      {gone.kind === 'merged' && onOpenKept && (
        <button
          type="button"
          className="button small"
          onClick={() => onOpenKept(gone.intoId)}
          data-testid="form-gone-open"
        >
          {t('formGone.open', { into: gone.into })}
        </button>
      )}
    </p>
  );
}
