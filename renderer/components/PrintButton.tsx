import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { allGridsLoaded } from '../lib/grid-view';
import { useI18n } from '../lib/i18n';
import { isMac } from '../lib/shortcuts';
import { styleNonce } from '../lib/style-nonce';
import { PRINT_ROW_LIMIT, describeShownFilter, sendPrintRequest } from './print';
import { useToast } from './Toasts';
import './print.css';

/**
 * The printed part's header; `count`: the screen's count beside its title ("26 z 106"), which the
 * screen's own heading, not printed, showed; `refused`: the words saying why the list is not
 * printed, or not all of it.
 */
type Printing = {
  host: HTMLElement;
  count: string | null;
  filterLine: string | null;
  date: string;
  refused: string | null;
};

type Mounted = {
  element: () => HTMLButtonElement | null;
  /** The button's whole path: waits for the grids, refuses a long list with a toast, opens the dialog. */
  print: () => void;
  /** Lays the page out for paper at once, for a print the app did not start (the browser's menu). */
  prepare: () => void;
};

/** The Print buttons on the screen, so that Ctrl+P and the browser's own print print what the one shown would print. */
const mounted = new Set<Mounted>();

/** The button whose print Ctrl+P (or the browser's print) stands for: a record open over a list first. */
function chosenButton(): Mounted | undefined {
  const shown = [...mounted].filter((entry) => entry.element()?.isConnected === true);
  // A record open over a list (a dialog) is what the user looks at: it is printed, not the list.
  return shown.find((entry) => entry.element()?.closest('[role="dialog"]')) ?? shown[0];
}

const onKeyDown = (event: KeyboardEvent) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'p') return;
  const chosen = chosenButton();
  if (!chosen) return;
  event.preventDefault();
  // A screen with nothing to print yet (e.g. Statistics with reversed years) prints nothing.
  if (chosen.element()?.disabled !== true) chosen.print();
};

/**
 * The browser's own print (its menu, File ▸ Print, a PDF rendered by a test or a shell): the app
 * did not start it, so the screen is laid out for paper here, at once, as its Print button would
 * (walkthrough 21, finding 6). When the button started it, the page is prepared already.
 */
const onBeforePrint = () => {
  if (document.documentElement.dataset.printing !== undefined) return;
  const chosen = chosenButton();
  if (chosen && chosen.element()?.disabled !== true) chosen.prepare();
};

/** What ends printing: the dialog closed, or the user is back at work. */
const FINISH_EVENTS = ['afterprint', 'pointerdown', 'keydown'] as const;

/** A select's choice that states nothing (the empty "—" choice, "neuvedeno"): printed as a field left out. */
const UNSTATED_CHOICES: readonly string[] = ['', 'unknown'];

/**
 * A record prints as a sheet, not as its edit form (walkthrough 26, finding 7): each field's value
 * goes beside its label as text (`.print-value`), print.css hides the controls, and a field that
 * states nothing (empty, or on its "unstated" choice) is marked `data-print-empty` and left out
 * with every other such field. Only text is written (textContent), never markup. Answers what
 * undoes it when printing ends.
 */
function asRecordSheet(root: Element): () => void {
  const added: HTMLElement[] = [];
  const marked: Element[] = [];
  for (const field of root.querySelectorAll('.field')) {
    const control = field.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input:not([type="checkbox"], [type="radio"], [type="file"], [type="hidden"]), select, textarea',
    );
    if (!control) continue;
    const value =
      control instanceof HTMLSelectElement
        ? UNSTATED_CHOICES.includes(control.value)
          ? ''
          : (control.selectedOptions[0]?.textContent ?? '')
        : control.value;
    if (value.trim() === '') {
      field.setAttribute('data-print-empty', '');
      marked.push(field);
      continue;
    }
    const text = document.createElement('span');
    text.className = 'print-value';
    text.textContent = value.trim();
    control.after(text);
    added.push(text);
  }
  // A section that states nothing (every field empty, no box ticked) is left out with its heading.
  // (print.css cannot say this: `:has()` does not nest.)
  for (const heading of root.querySelectorAll('h3')) {
    const section = heading.nextElementSibling;
    if (!section) continue;
    const fields = section.matches('.field') ? [section] : [...section.querySelectorAll('.field')];
    const boxes = [...section.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    if (fields.length + boxes.length === 0) continue;
    if (fields.some((field) => !field.hasAttribute('data-print-empty')) || boxes.some((box) => box.checked)) continue;
    for (const element of [heading, section]) {
      element.setAttribute('data-print-empty', '');
      marked.push(element);
    }
  }
  return () => {
    for (const text of added) text.remove();
    for (const field of marked) field.removeAttribute('data-print-empty');
  };
}

/** Stand-ins for the page's counters in the translated words (characters no message holds). */
const PAGE = '\u0001';
const PAGES = '\u0002';

/** Text as a CSS string (quotes, backslashes and line ends escaped). */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ')}"`;

/**
 * "strana 2 z 3" / "page 2 of 3" at the foot of every printed page: a CSS @page margin box
 * (Chromium prints them since version 131), with the words of the user's language, for as long as
 * printing lasts. Answers what removes it.
 */
function pageNumbers(words: string): () => void {
  const content = words
    .split(new RegExp(`(${PAGE}|${PAGES})`))
    .filter((part) => part !== '')
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const style = document.createElement('style');
  const nonce = styleNonce();
  if (nonce !== undefined) style.nonce = nonce;
  style.dataset.printPageNumbers = '';
  style.textContent = `@page { @bottom-right { content: ${content}; font-size: 8pt; color: #42505e; } }`;
  document.head.append(style);
  return () => style.remove();
}

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
 * read from the screen's filter bar, search and column filters. Ctrl+P and the browser's own print
 * do the same. `disabled`: the screen shows nothing that could be printed now (neither the button
 * nor Ctrl+P prints; the browser's print then prints the screen as print.css leaves it).
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

  /**
   * Lays the printed part out for paper: the header, `data-print-root` and `data-printing` for
   * print.css, every grid inside in print layout. `refusedRows`: a list too long to print, whose
   * paper then carries only the header saying so. Undone when the print dialog closes or at the
   * latest with the user's next click or key (a shell that does not report the dialog's end must
   * not leave the screen in its printed form). False when there is nothing to lay out.
   */
  const prepare = useCallback(
    (refusedRows: number | null, asShown = false): boolean => {
      const root = button.current?.closest(record ? '[role="dialog"]' : '.page');
      if (!root || document.documentElement.dataset.printing !== undefined) return false;
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
      const refused =
        refusedRows === null
          ? null
          : t('print.tooManyRows', {
              count: i18n.formatNumber(refusedRows),
              limit: i18n.formatNumber(PRINT_ROW_LIMIT),
            });
      // The screen's heading is not printed (print.css: one title); its count goes beside the title.
      const count = record ? null : (root.querySelector('.page-header .page-count')?.textContent.trim() ?? null);
      const host = document.createElement('div');
      host.className = 'print-header-host';
      root.prepend(host);
      root.setAttribute('data-print-root', '');
      // The browser's own print takes the page at once: the grids print as shown, in their screen
      // height (print layout needs frames, and a grid caught half-way prints empty).
      const partial =
        refused === null && asShown ? sendPrintRequest({ root, phase: 'asShown', rows: 0 }).rows > 0 : false;
      if (asShown) document.documentElement.dataset.printAsShown = '';
      document.documentElement.dataset.printing = refused !== null ? 'refused' : record ? 'record' : 'page';
      flushSync(() =>
        setPrinting({
          host,
          count: count === '' ? null : count,
          filterLine,
          date: i18n.formatDate(todayIso()),
          refused: refused ?? (partial ? t('print.asShown') : null),
        }),
      );
      if (refused === null && !asShown) sendPrintRequest({ root, phase: 'start', rows: 0 });
      // A hint for typing ("např. 22. 5. 1994") is no value: print.css makes it invisible, and it
      // leaves the PDF's text too (a transparent hint would still be copied or read aloud as text).
      const hints = [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
        .filter((field) => field.placeholder !== '')
        .map((field) => ({ field, hint: field.placeholder }));
      for (const { field } of hints) field.placeholder = '';
      const sheet = record ? asRecordSheet(root) : () => undefined;
      const numbers = pageNumbers(t('print.pageNumber', { page: PAGE, pages: PAGES }));
      const finish = () => {
        for (const type of FINISH_EVENTS) window.removeEventListener(type, finish, true);
        if (refused === null) sendPrintRequest({ root, phase: 'end', rows: 0 });
        for (const { field, hint } of hints) if (field.placeholder === '') field.placeholder = hint;
        sheet();
        numbers();
        root.removeAttribute('data-print-root');
        delete document.documentElement.dataset.printing;
        delete document.documentElement.dataset.printAsShown;
        host.remove();
        setPrinting(null);
      };
      for (const type of FINISH_EVENTS) window.addEventListener(type, finish, true);
      return true;
    },
    [filter, i18n, record, t],
  );

  /** The rows the grids of the printed part would lay out. */
  const rowsToPrint = useCallback((): number => {
    const root = button.current?.closest(record ? '[role="dialog"]' : '.page');
    return root ? sendPrintRequest({ root, phase: 'measure', rows: 0 }).rows : 0;
  }, [record]);

  const refuse = useCallback(
    (rows: number) =>
      toast({
        kind: 'error',
        text: (shown) =>
          shown.t('print.tooManyRows', {
            count: shown.formatNumber(rows),
            limit: shown.formatNumber(PRINT_ROW_LIMIT),
          }),
        seconds: 12,
      }),
    [toast],
  );

  const print = useCallback(async () => {
    if (document.documentElement.dataset.printing !== undefined) return;
    await allGridsLoaded(); // a grid still taking its first load would print a part
    const rows = rowsToPrint();
    if (rows > PRINT_ROW_LIMIT) {
      refuse(rows);
      return;
    }
    if (!prepare(null)) return;
    // The grids lay out their rows in the next frames; the print dialog takes the page after them.
    await nextFrame();
    await nextFrame();
    window.print();
  }, [prepare, refuse, rowsToPrint]);

  /**
   * The browser's own print: no time to wait for frames. A list too long for paper is not laid out
   * (it would freeze the window and give a thousand pages); the paper and a toast say why.
   */
  const prepareNow = useCallback(() => {
    const rows = rowsToPrint();
    const tooMany = rows > PRINT_ROW_LIMIT;
    if (tooMany) refuse(rows);
    prepare(tooMany ? rows : null, true);
  }, [prepare, refuse, rowsToPrint]);

  useEffect(() => {
    const entry: Mounted = { element: () => button.current, print: () => void print(), prepare: prepareNow };
    if (mounted.size === 0) {
      window.addEventListener('keydown', onKeyDown);
      window.addEventListener('beforeprint', onBeforePrint);
    }
    mounted.add(entry);
    return () => {
      mounted.delete(entry);
      if (mounted.size === 0) {
        window.removeEventListener('keydown', onKeyDown);
        window.removeEventListener('beforeprint', onBeforePrint);
      }
    };
  }, [print, prepareNow]);

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
              {printing.count !== null && <span data-testid="print-count">{printing.count}</span>}
            </div>
            {printing.filterLine !== null && <div className="print-filter">{printing.filterLine}</div>}
            {printing.refused !== null && (
              <div className="print-note" data-testid="print-note">
                {printing.refused}
              </div>
            )}
            <div className="print-date">{t('print.printed', { date: printing.date })}</div>
          </div>,
          printing.host,
        )}
    </>
  );
}
