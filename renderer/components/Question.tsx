import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

/** Focuses an answer when the question appears (a stable ref: not again on each render). */
export const focusOnShow = (button: HTMLButtonElement | null) => button?.focus();

type QuestionProps = {
  children: ReactNode;
  /** Escape answers this, as "Cancel" in a dialog does. */
  onCancel: () => void;
  /**
   * Where the focus goes after Escape: the button that asked, found once the question is gone (in
   * a table row it takes the question's place again). Inline, the first button in the question's
   * place is taken by default.
   */
  returnFocus?: () => HTMLElement | null | undefined;
  /** The accessible name, where the question's text does not say what it is for. */
  label?: string;
  testId?: string;
  /** In a table row (in place of the row's button), not a notice of its own. */
  inline?: boolean;
};

/**
 * A question asked in place, beside what asked it (save with data missing, replace a file,
 * restore a backup): the question and its answers, the focus on one of them (`focusOnShow`),
 * and Escape for "Cancel". One pattern for every such question in the app.
 */
export function Question({ children, onCancel, returnFocus, label, testId, inline = false }: QuestionProps) {
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag
      className={inline ? 'question-inline' : 'notice question'}
      role="alertdialog"
      aria-label={label}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        const place = event.currentTarget.parentElement;
        onCancel();
        // After React has drawn the screen without the question.
        window.setTimeout(() => {
          const back = returnFocus !== undefined ? returnFocus() : inline ? place?.querySelector('button') : null;
          back?.focus();
        }, 0);
      }}
    >
      {children}
    </Tag>
  );
}

type ConfirmProps = {
  /** What the confirmation is for (its accessible name): the action's own label. */
  label?: string;
  /** The question, with what will happen. */
  children: ReactNode;
  /** The label of the button that does it. */
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
  /** The test id of the button that does it. */
  testId?: string;
  inline?: boolean;
};

/**
 * A question whose answer cannot be taken back easily (restore a backup, undo an import, replace
 * a file): the action as a danger button and "Cancel", with the focus on "Cancel".
 */
export function DangerQuestion({
  label,
  children,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
  returnFocus,
  testId,
  inline = false,
}: ConfirmProps) {
  const { t } = useI18n();
  return (
    <Question label={label} onCancel={onCancel} returnFocus={returnFocus} inline={inline}>
      <span>{children}</span>
      <button type="button" className="button danger" disabled={busy} onClick={onConfirm} data-testid={testId}>
        {confirmLabel}
      </button>
      <button type="button" className="button" onClick={onCancel} ref={focusOnShow}>
        {t('common.cancel')}
      </button>
    </Question>
  );
}
