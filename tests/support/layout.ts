import type { Locator } from '@playwright/test';

/**
 * How wide a select is and how wide its longest choice is written in its font (px): a select
 * narrower than that text (plus its padding and arrow) shows a cut choice ("Memorandum o přátel").
 */
export function selectWidths(select: Locator): Promise<{ widest: number; width: number }> {
  return select.evaluate((element) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(element).font;
    probe.style.position = 'absolute';
    probe.style.whiteSpace = 'nowrap';
    document.body.append(probe);
    const widest = Math.max(
      ...[...(element as HTMLSelectElement).options].map((option) => {
        probe.textContent = option.text;
        return probe.getBoundingClientRect().width;
      }),
    );
    probe.remove();
    return { widest: Math.ceil(widest), width: element.clientWidth };
  });
}
