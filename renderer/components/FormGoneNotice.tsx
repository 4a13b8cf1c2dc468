import { useState } from 'react';
import { goneMessage, type Gone } from '../lib/record-gone';
import { useI18n } from '../lib/i18n';

/**
 * Beside an open form's Save: its record is no longer in the registry (a colleague deleted it or
 * merged it into another record, an import was undone), said as soon as the change is announced,
 * with who and when; the typing stays in the form. A merge offers to open the record kept with the
 * typing carried onto it (walkthrough 22, finding 5). Where the typing has no record to go to (an
 * import's undo removed the record, a delete put it in the bin), the user's edits can be copied as
 * text, one "field: value" line each (walkthrough 26, finding 6: nothing kept them but the form).
 */
export function FormGoneNotice({
  gone,
  onOpenKept,
  typed = [],
}: {
  gone: Gone;
  onOpenKept?: (intoId: number) => void;
  /** The user's edits, one "field: value" line each (empty: nothing typed). */
  typed?: string[];
}) {
  const { tk, t, formatDateTime } = useI18n();
  const { key, params } = goneMessage(gone, formatDateTime);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  const canOpenKept = gone.kind === 'merged' && onOpenKept !== undefined;
  const text = typed.join('\n');
  const copyTyped = () => {
    // The clipboard may be refused (no permission, an insecure page): the text is then shown to select.
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopy('manual');
      return;
    }
    clipboard.writeText(text).then(
      () => setCopy('copied'),
      () => setCopy('manual'),
    );
  };
  return (
    <div className="form-summary form-summary-inline" role="alert" data-testid="form-gone">
      <p>
        {tk(key, params)}{' '}
        {canOpenKept && (
          <button
            type="button"
            className="button small"
            onClick={() => onOpenKept(gone.intoId)}
            data-testid="form-gone-open"
          >
            {t('formGone.open', { into: gone.into })}
          </button>
        )}
        {!canOpenKept && typed.length > 0 && copy !== 'manual' && (
          <button type="button" className="button small" onClick={copyTyped} data-testid="form-gone-copy">
            {t('formGone.copy', { count: typed.length })}
          </button>
        )}
      </p>
      {copy === 'copied' && (
        <p role="status" className="form-gone-copied" data-testid="form-gone-copied">
          {t('formGone.copied')}
        </p>
      )}
      {copy === 'manual' && (
        <label className="form-gone-typed">
          {t('formGone.copyHere')}
          <textarea
            readOnly
            rows={Math.min(6, typed.length)}
            value={text}
            onFocus={(event) => event.currentTarget.select()}
            autoFocus
            data-testid="form-gone-typed"
          />
        </label>
      )}
    </div>
  );
}
