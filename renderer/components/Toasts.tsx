import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorDetail, errorSummary } from '../lib/errors';
import { ApiError } from '../lib/api';
import { useI18n, type I18n } from '../lib/i18n';
import type { MessageKey, MessageParams } from '../../shared/i18n/index';
import { withShortcut } from '../lib/shortcuts';
import { isUndoFunction, onUndoForgotten, onUndoUsed, withdrawUndo } from '../lib/undo';
import { onRecordSaved, takeFailedRecord } from '../lib/record-outcomes';
import { pushToast, settleRecord } from './toast-stack';
import './kit.css';

/**
 * The app's one notice pattern: what just happened (saved, deleted with Undo, an action that
 * failed) is a toast at the bottom of the screen. A persistent state (demo data, a database
 * warning) is a banner, and a form's problems stay at its fields.
 */
/** A button of a toast: what it says and what it does. */
export type ToastButton = { label: Said; run: () => void };

export type Toast = {
  id: number;
  kind: 'ok' | 'error' | 'info';
  text: Said;
  detail?: Said;
  action?: ToastButton;
  /** A second action beside the first (e.g. "Open" beside "Undo"). */
  secondAction?: ToastButton;
  /** Seconds until it goes away by itself; errors stay until closed. */
  seconds?: number;
  /**
   * The record an error is about ("partnerships#12"): it goes once a later save or undo of that
   * record succeeds. An error toast shown for a write that just failed takes that write's record
   * by itself (lib/record-outcomes.ts).
   */
  record?: string;
};

/**
 * What a toast says: a sentence built from the language shown at the moment it is drawn, so a
 * toast still on screen after a language switch follows it (review D25). A plain string is for
 * what no language changes (a file path) or for callers not yet moved to the function form.
 */
export type Said = string | ((i18n: I18n) => string);

/** A message key and its parameters as a toast's sentence, translated when drawn. */
export const said =
  (key: MessageKey, params?: MessageParams): Said =>
  (i18n) =>
    i18n.t(key, params);

const sayIn = (text: Said, i18n: I18n): string => (typeof text === 'string' ? text : text(i18n));

export type ShowToast = (toast: Omit<Toast, 'id'>) => number;

const ToastContext = createContext<ShowToast | null>(null);

/** Shows a toast; the host is mounted once for the whole app (`ToastsProvider`). */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (show === null) throw new Error('useToast needs a ToastsProvider above it');
  return show;
}

/**
 * A failed call as a toast: the error code's text, with core's message as the detail, said in
 * the language shown when it is drawn. The second argument is no longer read (the toast
 * translates itself); it stays so that callers written before may still pass their i18n.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the i18n that callers written before pass is accepted and not read
export const errorToast = (error: unknown, _before?: Pick<I18n, 't' | 'tk'>): Omit<Toast, 'id'> => {
  const detail = errorDetail(error);
  // An undo of a delete whose record is back already (restored from the bin meanwhile) failed at
  // nothing: it is said as information that goes away, not as an error that stays.
  if (error instanceof ApiError && error.details?.reason === 'undo.alreadyRestored')
    return { kind: 'info', text: (i18n) => errorSummary(error, i18n).text, seconds: 8 };
  return { kind: 'error', text: (i18n) => errorSummary(error, i18n).text, ...(detail === undefined ? {} : { detail }) };
};

/** One of a toast's buttons: runs its action and closes the toast; an undo names Ctrl+Z. */
function ToastAction({ action, done, testId }: { action: ToastButton; done: () => void; testId: string }) {
  const i18n = useI18n();
  const label = sayIn(action.label, i18n);
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        action.run();
        done();
      }}
      title={isUndoFunction(action.run) ? withShortcut(label, 'undo') : undefined}
      data-testid={testId}
    >
      {label}
    </button>
  );
}

function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = toast;
  const seconds = toast.seconds ?? (toast.kind === 'error' ? 0 : 6);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => dismiss(id), seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, id, dismiss]);
  return (
    <div
      // Two actions go on a row of their own under the text: squeezed beside it their labels broke
      // into two lines each ("Vrátit / zpět", walkthrough 27).
      className={`toast toast-${toast.kind}${toast.action && toast.secondAction ? ' toast-two-actions' : ''}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid={`toast-${toast.kind}`}
    >
      <div className="toast-text">
        <span>{sayIn(toast.text, i18n)}</span>
        {toast.detail !== undefined && <small>{sayIn(toast.detail, i18n)}</small>}
      </div>
      <div className="toast-actions">
        {toast.action && <ToastAction action={toast.action} done={() => dismiss(id)} testId="toast-action" />}
        {toast.secondAction && (
          <ToastAction action={toast.secondAction} done={() => dismiss(id)} testId="toast-second-action" />
        )}
      </div>
      <button type="button" className="close-button" onClick={() => dismiss(id)} aria-label={t('common.close')}>
        ×
      </button>
    </div>
  );
}

/** Space between the toasts and what the grids show above them, in px. */
const TOAST_CLEARANCE = 8;

/**
 * Holds the toasts of every screen and shows them, newest first, at most `MAX_TOASTS` at once (the
 * oldest goes); an error about a record goes when a later save or undo of that record succeeds.
 */
export function ToastsProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback<ShowToast>((toast) => {
    const id = next.current;
    next.current += 1;
    // Taken now, in the task of the failed write (never left for a later toast to take).
    const failedRecord = toast.kind === 'error' ? takeFailedRecord() : null;
    const record = toast.record ?? failedRecord ?? undefined;
    setToasts((all) => pushToast(all, record === undefined ? { ...toast, id } : { ...toast, id, record }));
    return id;
  }, []);
  // A later write of the record succeeded: its earlier errors ("nothing was saved") are old news.
  useEffect(() => onRecordSaved((record) => setToasts((all) => settleRecord(all, record))), []);
  // A backup restored: the undos the toasts offer belong to a registry state that is gone.
  useEffect(
    () =>
      onUndoForgotten(() =>
        setToasts((all) => all.filter((toast) => toast.action === undefined || !isUndoFunction(toast.action.run))),
      ),
    [],
  );
  // An undo run by Ctrl+Z: the toast that offered it has nothing left to offer.
  useEffect(() => onUndoUsed((button) => setToasts((all) => all.filter((toast) => toast.action?.run !== button))), []);
  // A toast gone (timed out, closed, pushed out by newer ones): Ctrl+Z no longer runs its undo.
  const shown = useRef<Toast[]>([]);
  useEffect(() => {
    for (const toast of shown.current)
      if (toast.action !== undefined && isUndoFunction(toast.action.run) && !toasts.includes(toast))
        withdrawUndo(toast.action.run);
    shown.current = toasts;
  }, [toasts]);
  // The stack's height is room the grids leave free at their foot (--toasts-height, see
  // data-grid.css): a notice never covers the buttons of a grid's last rows, which stay reachable.
  // Scrolling areas keep the same room at their end (--toasts-reach, kit.css).
  const stack = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = stack.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      const height = element.offsetHeight;
      root.style.setProperty('--toasts-height', `${String(height === 0 ? 0 : height + TOAST_CLEARANCE)}px`);
      // How far up from the window's foot the stack reaches (it sits higher over a side panel's Save
      // bar): the room scrolling areas keep at their end and above what is focused (kit.css).
      const reach = height === 0 ? 0 : window.innerHeight - element.getBoundingClientRect().top + TOAST_CLEARANCE;
      root.style.setProperty('--toasts-reach', `${String(Math.max(0, Math.round(reach)))}px`);
      root.toggleAttribute('data-toasts', height > 0);
      // A new notice over the field the user is at (a tick box just saved with Ctrl+S): the field
      // scrolls above it, as far as its scrolling area keeps room (walkthrough 19, finding 23).
      const focused = document.activeElement;
      if (height > 0 && focused instanceof HTMLElement && focused !== document.body && !element.contains(focused)) {
        const field = (focused.closest('label') ?? focused).getBoundingClientRect();
        const stackBox = element.getBoundingClientRect();
        const under =
          field.bottom > stackBox.top &&
          field.top < stackBox.bottom &&
          field.right > stackBox.left &&
          field.left < stackBox.right;
        if (under) focused.scrollIntoView({ block: 'nearest' });
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toasts-height');
      root.style.removeProperty('--toasts-reach');
      root.removeAttribute('data-toasts');
    };
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" aria-live="polite" ref={stack}>
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} dismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}
