import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { allGridsLoaded } from '../lib/grid-view';
import { useI18n } from '../lib/i18n';
import { isMac } from '../lib/shortcuts';
import { PRINT_ROW_LIMIT, describeShownFilter, sendPrintRequest } from './print';
import { useToast } from './Toasts';
import './print.css';

type Printing = { host: HTMLElement; filterLine: string | null; date: string };

/** The Print buttons on the screen, so that Ctrl+P prints what the one shown would print. */
const mounted = new Set<{ element: () => HTMLButtonElement | null; print: () => void }>();

const onKeyDown = (event: KeyboardEvent) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'p') return;
  const shown = [...mounted].filter((entry) => entry.element()?.isConnected === true);
  // A record open over a list (a dialog) is what the user looks at: it is printed, not the list.
  const chosen = shown.find((entry) => entry.element()?.closest('[role="dialog"]')) ?? shown[0];
  if (!chosen) return;
  event.preventDefault();
  // A screen with nothing to print yet (e.g. Statistics with reversed years) prints nothing.
  if (chosen.element()?.disabled !== true) chosen.print();
};

/** What ends printing: the dialog closed, or the user is back at work. */
const FINISH_EVENTS = ['afterprint', 'pointerdown', 'keydown'] as const;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const todayIso = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * Prints the screen it sits on (or, with `record`, the dialog it sits in): a header with the
 * screen's name, the active filter and the date goes on top, navigation and buttons are left out
 * (print.css), every grid inside lays out all its rows. `filter` names the filter in words where
 * the screen's controls do not (null: no filter line, as for a record); without it the filter is
 * read from the screen's filter bar, search and column filters. Ctrl+P does the same. `disabled`:
 * the screen shows nothing that could be printed now (neither the button nor Ctrl+P prints).
 */
export function PrintButton({
  title,
  subtitle,
  filter,
  record = false,
  disabled = false,
}: {
  title: string;
  subtitle?: string;
  filter?: string | null;
  record?: boolean;
  disabled?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const button = useRef<HTMLButtonElement>(null);
  const [printing, setPrinting] = useState<Printing | null>(null);

  const print = useCallback(async () => {
    const root = button.current?.closest(record ? '[role="dialog"]' : '.page');
    if (!root || document.documentElement.dataset.printing !== undefined) return;
    await allGridsLoaded(); // a grid still taking its first load would print a part
    const rows = sendPrintRequest({ root, phase: 'measure', rows: 0 }).rows;
    if (rows > PRINT_ROW_LIMIT) {
      toast({
        kind: 'error',
        text: (shown) =>
          shown.t('print.tooManyRows', {
            count: shown.formatNumber(rows),
            limit: shown.formatNumber(PRINT_ROW_LIMIT),
          }),
        seconds: 12,
      });
      return;
    }
    const parts =
      filter === undefined
        ? describeShownFilter(root, {
            search: (text) => t('print.search', { text }),
            columns: (names) => t('print.columnFilters', { names }),
          })
        : filter === null
          ? null
          : [filter];
    const filterLine =
      parts === null
        ? null
        : parts.length === 0
          ? t('print.noFilter')
          : t('print.filter', { filter: parts.join(' · ') });
    const host = document.createElement('div');
    host.className = 'print-header-host';
    root.prepend(host);
    root.setAttribute('data-print-root', '');
    document.documentElement.dataset.printing = record ? 'record' : 'page';
    flushSync(() => setPrinting({ host, filterLine, date: i18n.formatDate(todayIso()) }));
    sendPrintRequest({ root, phase: 'start', rows: 0 });
    const finish = () => {
      for (const type of FINISH_EVENTS) window.removeEventListener(type, finish, true);
      sendPrintRequest({ root, phase: 'end', rows: 0 });
      root.removeAttribute('data-print-root');
      delete document.documentElement.dataset.printing;
      host.remove();
      setPrinting(null);
    };
    // The grids lay out their rows in the next frames; the print dialog takes the page after them.
    await nextFrame();
    await nextFrame();
    // The screen comes back when the dialog closes, or at the latest with the user's next click or key
    // (a shell that does not report the dialog's end must not leave the screen in its printed form).
    for (const type of FINISH_EVENTS) window.addEventListener(type, finish, true);
    window.print();
  }, [filter, i18n, record, t, toast]);

  useEffect(() => {
    const entry = { element: () => button.current, print: () => void print() };
    if (mounted.size === 0) window.addEventListener('keydown', onKeyDown);
    mounted.add(entry);
    return () => {
      mounted.delete(entry);
      if (mounted.size === 0) window.removeEventListener('keydown', onKeyDown);
    };
  }, [print]);

  const label = t('print.button');
  return (
    <>
      <button
        ref={button}
        type="button"
        className={record ? 'button small' : 'button'}
        title={`${label} (${isMac() ? '⌘P' : 'Ctrl+P'})`}
        onClick={() => void print()}
        disabled={disabled}
        data-testid={record ? 'print-record' : 'print'}
      >
        {label}
      </button>
      {printing &&
        createPortal(
          <div className="print-header" data-testid="print-header">
            <div className="print-title">
              <strong>{title}</strong>
              {subtitle !== undefined && <span>{subtitle}</span>}
            </div>
            {printing.filterLine !== null && <div className="print-filter">{printing.filterLine}</div>}
            <div className="print-date">{t('print.printed', { date: printing.date })}</div>
          </div>,
          printing.host,
        )}
    </>
  );
}
