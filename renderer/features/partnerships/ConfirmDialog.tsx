import { useEffect, useRef } from 'react';
import { useI18n } from '../../lib/i18n';

/** A modal question with a safe default (Cancel has the focus). */
export function ConfirmDialog({
  text,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="p-modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <div
        className="p-modal p-confirm"
        role="alertdialog"
        aria-modal="true"
        aria-label={text}
        data-testid="confirm-dialog"
      >
        <p>{text}</p>
        <div className="p-modal-actions">
          <button type="button" className="button" ref={cancel} onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={`button ${danger ? 'danger-solid' : 'primary'}`}
            onClick={onConfirm}
            data-testid="confirm-ok"
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
