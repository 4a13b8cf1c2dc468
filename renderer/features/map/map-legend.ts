import type { PartnershipStatus } from '../../../shared/domain/codes';

/** The three ways a partnership's line is drawn, by its status. */
export const LINE_STYLES = ['solid', 'dashed', 'dotted'] as const;
export type LineStyle = (typeof LINE_STYLES)[number];

/**
 * A line's style by its partnership's status: solid blue while the partnership lives or is being
 * prepared, dashed grey once dormant or ended, dotted grey when nobody stated its status. The SVG
 * map draws it with `.map-link.<status>` (map.css), the dense map with `LINE_DASH` and the legends
 * (screen and file) with both tables below, so the three say the same.
 */
export const lineStyleOf = (status: PartnershipStatus): LineStyle =>
  status === 'unknown' ? 'dotted' : status === 'dormant' || status === 'ended' ? 'dashed' : 'solid';

/** Dash pattern per style in the map's units (as map.css: `3 3` dormant/ended, `1 3` unknown). */
export const LINE_DASH: Record<LineStyle, readonly number[]> = { solid: [], dashed: [3, 3], dotted: [1, 3] };

/** A legend's piece of line: thicker than the map's, to be seen; its dashes grow with it. */
export const LEGEND_LINE_WIDTH = 1.6;

/** The SVG `stroke-dasharray` of a legend's piece of line (none for a solid line). */
export const legendDash = (style: LineStyle): string | undefined =>
  style === 'solid'
    ? undefined
    : LINE_DASH[style].map((n) => String(Math.round(n * LEGEND_LINE_WIDTH * 100) / 100)).join(' ');

/** Line colour per style (as map.css: the members' blue, a grey for the faded ones). */
export const LINE_COLOR: Record<LineStyle, string> = { solid: '#1d5fa8', dashed: '#8a96a3', dotted: '#8a96a3' };

/** The statuses in a legend's words: the usual one first (active before preparation). */
const LEGEND_ORDER: readonly PartnershipStatus[] = ['active', 'preparation', 'proposed', 'dormant', 'ended', 'unknown'];

/**
 * The line styles a legend explains: only those the map draws (a registry where no status is
 * stated shows only the dotted one), in the order solid, dashed, dotted, each with the statuses
 * it stands for on this map.
 */
export function lineLegend(
  statuses: Iterable<PartnershipStatus>,
): { style: LineStyle; statuses: PartnershipStatus[] }[] {
  const present = new Set(statuses);
  return LINE_STYLES.flatMap((style) => {
    const of = LEGEND_ORDER.filter((status) => present.has(status) && lineStyleOf(status) === style);
    return of.length === 0 ? [] : [{ style, statuses: of }];
  });
}

/**
 * A text broken at spaces into lines no wider than `maxWidth` (by `measure`); a single word wider
 * than that keeps a line of its own (the box grows to it). Used for the exported legend, whose
 * filter line names any number of kraje and ran past the box's edge.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const words = text.split(' ').filter((word) => word !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const tried = current === '' ? word : `${current} ${word}`;
    if (current !== '' && measure(tried) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = tried;
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}
