import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n';
import './kit.css';

export type Toast = {
  id: number;
  kind: 'ok' | 'error' | 'info';
  text: string;
  detail?: string;
  action?: { label: string; run: () => void };
  /** Seconds until it goes away by itself; errors stay until closed. */
  seconds?: number;
};

/** Short messages at the bottom of the screen (saved, deleted with undo, errors). */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback((toast: Omit<Toast, 'id'>) => {
    const id = next.current;
    next.current += 1;
    // Newest first; at most three at once.
    setToasts((all) => [{ ...toast, id }, ...all].slice(0, 3));
    return id;
  }, []);
  return { toasts, show, dismiss };
}

function ToastItem({ toast, onClose }: { toast: Toast; onClose: () => void }) {
  const { t } = useI18n();
  const seconds = toast.seconds ?? (toast.kind === 'error' ? 0 : 6);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(onClose, seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, onClose]);
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
            onClose();
          }}
          data-testid="toast-action"
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="close-button" onClick={onClose} aria-label={t('common.close')}>
        ×
      </button>
    </div>
  );
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onClose={() => dismiss(toast.id)} />
      ))}
    </div>
  );
}
