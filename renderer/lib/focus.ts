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
