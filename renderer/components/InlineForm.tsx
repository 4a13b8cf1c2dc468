import type { ReactNode, RefObject } from 'react';
import { useI18n } from '../lib/i18n';

/**
 * A small form edited in place (a contact, an activity): Enter or Save calls `onSave` (the rules
 * are checked there, not by the browser), Cancel closes it. `wideActions` puts the buttons on a
 * row of their own in a grid form. `summary` says beside Save why a save was refused (the fields
 * it marked), as the larger forms do.
 */
export function InlineForm({
  className,
  testId,
  saveTestId,
  wideActions = false,
  onSave,
  onCancel,
  children,
  formRef,
  summary = null,
}: {
  className: string;
  testId: string;
  saveTestId: string;
  wideActions?: boolean;
  onSave: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
  formRef?: RefObject<HTMLFormElement | null>;
  /** Why the last save was refused (null: nothing to say). */
  summary?: string | null;
}) {
  const { t } = useI18n();
  return (
    <form
      ref={formRef}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
      noValidate
      data-testid={testId}
    >
      {children}
      <div className={wideActions ? 'form-actions field-wide' : 'form-actions'}>
        <button type="submit" className="button small primary" data-testid={saveTestId}>
          {t('common.save')}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {summary !== null && (
          <p className="form-summary form-summary-inline" role="alert" data-testid={`${testId}-problems`}>
            {summary}
          </p>
        )}
      </div>
    </form>
  );
}
