import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorSummary } from '../lib/errors';
import { useI18n, type I18n } from '../lib/i18n';
import { withShortcut } from '../lib/shortcuts';
import { isUndoFunction } from '../lib/undo';
import './kit.css';

/**
 * The app's one notice pattern: what just happened (saved, deleted with Undo, an action that
 * failed) is a toast at the bottom of the screen. A persistent state (demo data, a database
 * warning) is a banner, and a form's problems stay at its fields.
 */
export type Toast = {
  id: number;
  kind: 'ok' | 'error' | 'info';
  text: string;
  detail?: string;
  action?: { label: string; run: () => void };
  /** Seconds until it goes away by itself; errors stay until closed. */
  seconds?: number;
};

export type ShowToast = (toast: Omit<Toast, 'id'>) => number;

const ToastContext = createContext<ShowToast | null>(null);

/** Shows a toast; the host is mounted once for the whole app (`ToastsProvider`). */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (show === null) throw new Error('useToast needs a ToastsProvider above it');
  return show;
}

/** A failed call as a toast: the error code's text, with core's message as the detail. */
export const errorToast = (error: unknown, i18n: Pick<I18n, 't' | 'tk'>): Omit<Toast, 'id'> => ({
  kind: 'error',
  ...errorSummary(error, i18n),
});

function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const { t } = useI18n();
  const { id } = toast;
  const seconds = toast.seconds ?? (toast.kind === 'error' ? 0 : 6);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => dismiss(id), seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, id, dismiss]);
  return (
    <div
      className={`toast toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid={`toast-${toast.kind}`}
    >
      <div className="toast-text">
        <span>{toast.text}</span>
        {toast.detail !== undefined && <small>{toast.detail}</small>}
      </div>
      {toast.action && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            toast.action?.run();
            dismiss(id);
          }}
          title={isUndoFunction(toast.action.run) ? withShortcut(toast.action.label, 'undo') : undefined}
          data-testid="toast-action"
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="close-button" onClick={() => dismiss(id)} aria-label={t('common.close')}>
        ×
      </button>
    </div>
  );
}

/** Holds the toasts of every screen and shows them, newest first, at most three at once. */
export function ToastsProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback<ShowToast>((toast) => {
    const id = next.current;
    next.current += 1;
    setToasts((all) => [{ ...toast, id }, ...all].slice(0, 3));
    return id;
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} dismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}
