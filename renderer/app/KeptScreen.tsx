import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * A screen that stays alive while another one is shown: its React tree (and so its grid with
 * 60,000 rows, scroll position, search and filters) is rendered into an element of its own,
 * which is put into the page while the screen is active and taken out (detached, not hidden)
 * otherwise. Coming back then costs one layout instead of building the grid again, and a
 * detached screen adds nothing to the document: no duplicate controls, nothing to tab to.
 */
export function KeptScreen({ active, children }: { active: boolean; children: ReactNode }) {
  const [host] = useState(() => {
    const element = document.createElement('div');
    element.className = 'kept-screen';
    return element;
  });
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const place = slot.current;
    if (!active || !place) return;
    place.appendChild(host);
    return () => host.remove();
  }, [active, host]);
  return (
    <>
      {active && <div ref={slot} className="kept-slot" />}
      {createPortal(children, host)}
    </>
  );
}
