import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

type Props = {
  /** What the confirmation is for (its accessible name): the action's own label. */
  label: string;
  /** The question, with what will happen. */
  children: ReactNode;
  /** The label of the button that does it. */
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
};

/**
 * A confirmation in a table row of Settings (restore a backup, undo an import): the question, the
 * action as a danger button, and cancel, in place of the row's button.
 */
/** Focuses the safe answer when the question appears (a stable ref: not again on each render). */
const focusOnShow = (button: HTMLButtonElement | null) => button?.focus();

export function InlineConfirm({ label, children, confirmLabel, busy, onConfirm, onCancel, testId }: Props) {
  const { t } = useI18n();
  return (
    // The question takes the focus, on its safe answer (it was 16 Tabs away), and Esc cancels it.
    <span
      className="bk-confirm"
      role="alertdialog"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <span>{children}</span>
      <button type="button" className="button danger" disabled={busy} onClick={onConfirm} data-testid={testId}>
        {confirmLabel}
      </button>
      <button type="button" className="button" onClick={onCancel} ref={focusOnShow}>
        {t('import.cancel')}
      </button>
    </span>
  );
}
