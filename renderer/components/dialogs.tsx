import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useI18n } from '../lib/i18n';
import './kit.css';

/** How a form tells the dialog around it whether it holds unsaved changes (`useUnsavedInDialog`). */
const UnsavedContext = createContext<((dirty: boolean) => void) | null>(null);

/**
 * Tells the dialog this form is in whether it holds what is not saved: Escape then asks before
 * the typed values are lost instead of closing at once. Outside a dialog it does nothing.
 */
export function useUnsavedInDialog(dirty: boolean): void {
  const report = useContext(UnsavedContext);
  useEffect(() => {
    report?.(dirty);
  }, [dirty, report]);
  useEffect(() => () => report?.(false), [report]);
}

/**
 * Shows a <dialog> as modal when it mounts. What had the focus when it opened (the button that
 * opened it) gets it back when it closes: the dialog leaves the page under React, not by close(),
 * so the focus fell to the page and the next Tab started at the navigation. Unless something else
 * took the focus meanwhile. Where the opener is gone (the "Membership of selected" button once
 * nothing is ticked) or there was none (the welcome dialog at the first start), the screen shown
 * takes it at its search box (walkthrough 15: the focus was on the page itself).
 */
export function useModal(ref: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const dialog = ref.current;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      const now = document.activeElement;
      if (now !== null && now !== document.body && now.isConnected) return;
      if (opener?.isConnected === true) {
        opener.focus({ preventScroll: true });
        return;
      }
      shownScreenSearch()?.focus({ preventScroll: true });
    };
  }, [ref]);
}

/** The search box of the screen shown (screens kept alive behind it are hidden). */
function shownScreenSearch(): HTMLElement | null {
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-testid="quick-search"]')];
  return boxes.find((box) => box.offsetParent !== null) ?? null;
}

/**
 * A modal dialog (native `<dialog>`: focus trap, Escape closes it, but asks first when a form in
 * it holds unsaved changes).
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  wide,
  testId,
  unsaved = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
  /** Unsaved changes of a dialog that holds its own values (a form in it reports them itself). */
  unsaved?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reported = useRef(false);
  const report = useCallback((value: boolean) => {
    reported.current = value;
  }, []);
  const own = useRef(false);
  useEffect(() => {
    own.current = unsaved;
  }, [unsaved]);
  const isDirty = () => reported.current || own.current;
  const [asking, setAsking] = useState(false);
  /** Closes, or asks first when a form in it holds unsaved changes. */
  const requestClose = () => {
    if (isDirty()) setAsking(true);
    else onClose();
  };
  useModal(ref);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      // Escape is taken on its key press: the browser lets a page refuse a close request only once
      // per user action, so a third Escape (ask, keep editing, Escape again) closed the dialog
      // natively under React. A nested dialog (the question) takes its own Escape first.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        event.stopPropagation();
        requestClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        // The question's own close request reaches this dialog too: it only closes the question.
        if (event.target === event.currentTarget) requestClose();
      }}
      // Closed by the browser all the same: typed values stay (opened again), else it is closed.
      onClose={(event) => {
        if (event.target !== event.currentTarget) return;
        if (isDirty()) {
          if (!event.currentTarget.open) event.currentTarget.showModal();
          setAsking(true);
        } else onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <UnsavedContext.Provider value={report}>
        <div className="dialog-body">{children}</div>
        {footer !== undefined && <footer className="dialog-footer">{footer}</footer>}
      </UnsavedContext.Provider>
      {asking && (
        <DiscardChangesDialog
          onDiscard={() => {
            setAsking(false);
            onClose();
          }}
          onKeep={() => setAsking(false)}
        />
      )}
    </dialog>
  );
}

/**
 * The footer every dialog has: Cancel, then the one action (`danger` for a destructive one);
 * `form` makes the action submit that form (Enter in a field does the same).
 */
export function DialogButtons({
  confirmLabel,
  cancelLabel,
  onCancel,
  onConfirm,
  disabled = false,
  danger = false,
  form,
  testId,
}: {
  confirmLabel: string;
  /** What the cancel button says where "Cancel" would be ambiguous (default: Cancel). */
  cancelLabel?: string;
  onCancel: () => void;
  onConfirm?: () => void;
  disabled?: boolean;
  danger?: boolean;
  form?: string;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="button" onClick={onCancel} data-testid={`${testId}-cancel`}>
        {cancelLabel ?? t('common.cancel')}
      </button>
      <button
        type={form === undefined ? 'button' : 'submit'}
        form={form}
        className={danger ? 'button danger-solid' : 'button primary'}
        disabled={disabled}
        onClick={onConfirm}
        data-testid={testId}
      >
        {confirmLabel}
      </button>
    </>
  );
}

/** Asks before a destructive or far-reaching action. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId="confirm-dialog"
      footer={
        <DialogButtons
          confirmLabel={confirmLabel}
          {...(cancelLabel === undefined ? {} : { cancelLabel })}
          onCancel={onCancel}
          onConfirm={onConfirm}
          disabled={busy}
          danger={danger}
          testId="confirm-ok"
        />
      }
    >
      <p className="dialog-text">{body}</p>
      {children}
    </Dialog>
  );
}

/** The question before unsaved changes are lost: "Pokračovat v úpravách" or "Zahodit změny". */
export function DiscardChangesDialog({ onDiscard, onKeep }: { onDiscard: () => void; onKeep: () => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      title={t('common.unsaved.title')}
      body={t('common.unsaved.body')}
      confirmLabel={t('common.unsaved.discard')}
      cancelLabel={t('common.unsaved.keep')}
      danger
      onConfirm={onDiscard}
      onCancel={onKeep}
    />
  );
}
