import type { Locator } from '@playwright/test';

/**
 * How wide a select is and how wide its longest choice is written in its font (px): a select
 * narrower than that text (plus its padding and arrow) shows a cut choice ("Memorandum o přátel").
 */
export function selectWidths(
  select: Locator,
  { fixedOnly = false }: { fixedOnly?: boolean } = {},
): Promise<{ widest: number; width: number }> {
  return select.evaluate((element, fixedOnly) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(element).font;
    probe.style.position = 'absolute';
    probe.style.whiteSpace = 'nowrap';
    document.body.append(probe);
    const widest = Math.max(
      ...[...(element as HTMLSelectElement).options]
        // `fixedOnly`: the choices the app itself offers, not those in a group of the user's
        // records (the provenance filter's import runs, named by their file).
        .filter((option) => !fixedOnly || option.parentElement?.tagName !== 'OPTGROUP')
        .map((option) => {
          probe.textContent = option.text;
          return probe.getBoundingClientRect().width;
        }),
    );
    probe.remove();
    return { widest: Math.ceil(widest), width: element.clientWidth };
  }, fixedOnly);
}
