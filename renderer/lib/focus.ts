import { useEffect, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** The elements of `container` the Tab key reaches, in order (shown ones only). */
export const focusablesIn = (container: HTMLElement): HTMLElement[] =>
  [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);

/**
 * The focus of a panel that opens over or beside a screen (a record's drawer): it moves into the
 * panel when it opens (it stayed in the grid behind, where Tab went on through hidden cells), goes
 * back to where it was when the panel closes (it fell to the page, and the next Tab started at the
 * navigation), and with `trap` (a modal panel) Tab and Shift+Tab stay inside it.
 */
export function usePanelFocus(ref: RefObject<HTMLElement | null>, { trap = false }: { trap?: boolean } = {}): void {
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const enter = () => {
      if (!panel.contains(document.activeElement)) panel.focus({ preventScroll: true });
    };
    enter();
    // A grid that opened the panel puts the focus back on its cell as the key press ends: once more
    // after that.
    const frame = requestAnimationFrame(enter);
    const onKey = (event: KeyboardEvent) => {
      if (!trap || event.key !== 'Tab' || event.defaultPrevented) return;
      const inside = focusablesIn(panel);
      const first = inside[0];
      const last = inside.at(-1);
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === panel)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    panel.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      panel.removeEventListener('keydown', onKey);
      // Back where it was, if that is still on the page and nothing else took the focus meanwhile.
      const now = document.activeElement;
      const lost = now === null || now === document.body || panel.contains(now) || !now.isConnected;
      if (before?.isConnected && lost) before.focus({ preventScroll: true });
    };
  }, [ref, trap]);
}

/** Where an arrow key (or Home/End) moves in a row of `count` options from `at`, wrapping round; null for other keys. */
export function rovingTarget(key: string, at: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = key === 'ArrowRight' || key === 'ArrowDown' ? 1 : key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 0;
  if (step === 0) return null;
  return (((at < 0 ? 0 : at + step) % count) + count) % count;
}

/**
 * The keys of a radio group or a tab list (WAI-ARIA): the arrows and Home/End move to the
 * previous or next option and choose it (a radio group's choice follows the focus, as do these
 * tabs); Tab enters the group at its chosen option (`rovingTabIndex`) and leaves it.
 */
export function onRovingKeys(event: React.KeyboardEvent<HTMLElement>): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const options = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"], [role="tab"]')].filter(
    (option) => !option.disabled,
  );
  const at = options.findIndex((option) => option === document.activeElement);
  const target = rovingTarget(event.key, at, options.length);
  if (target === null) return;
  const option = options[target];
  if (!option) return;
  event.preventDefault();
  option.focus();
  if (target !== at) option.click();
}

/** The tab stop of one option of a radio group or tab list: only the chosen one is reached by Tab. */
export const rovingTabIndex = (chosen: boolean): 0 | -1 => (chosen ? 0 : -1);

/**
 * Gives the focus a place when the element that had it was removed (a restored row leaves the bin,
 * a deleted row leaves the grid, a form is drawn anew) and nothing took it: the first control of its
 * nearest container still on the page, else the screen's main region (walkthrough 19: focus fell to
 * the page after such actions, nothing was highlighted and Tab went on from an invisible place).
 * Checked a moment after the change, so that a panel that gives the focus back to where it was
 * opened from does so first; the focus inside a dialog is the dialog's and its opener's to place.
 * A click on empty space (the element is still there) is left alone.
 */
export function useFocusRescue(main: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let chain: Element[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof Element)) return;
      chain = [];
      // A dialog gives the focus back itself when it closes, and the screen that opened it may
      // place it after its work is done (the agreement screen's Save after a save): left to them.
      if (event.target.closest('dialog, [role="dialog"], [role="alertdialog"]') !== null) return;
      for (let at: Element | null = event.target; at !== null && at !== document.body; at = at.parentElement)
        chain.push(at);
    };
    const rescue = () => {
      timer = null;
      const active = document.activeElement;
      if ((active !== null && active !== document.body) || chain.length === 0 || chain[0]?.isConnected) return;
      for (const container of chain.slice(1)) {
        if (!container.isConnected || !(container instanceof HTMLElement)) continue;
        const first = focusablesIn(container)[0];
        if (first) {
          first.focus();
          return;
        }
      }
      main.current?.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(() => {
      if (timer === null && chain.length > 0 && chain[0]?.isConnected === false) timer = setTimeout(rescue, 120);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      if (timer !== null) clearTimeout(timer);
    };
  }, [main]);
}
