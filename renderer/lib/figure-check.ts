import { statsFilterSchema } from '../../shared/domain/statistics/filter';
import type { StatsFigureLink } from './deep-links';

/**
 * A figure a link named, checked with the statistics' own rule: the figure with its filter as the
 * statistics read it, or null when they would refuse the filter (reversed years, an unknown type:
 * a link typed by hand). Loaded with `import()` when a grid shows a figure, so that the rule (and
 * zod) stay out of the first screen's script.
 */
export function checkedFigure(link: StatsFigureLink | null): StatsFigureLink | null {
  if (link === null) return null;
  const parsed = statsFilterSchema.safeParse(link.filter);
  return parsed.success ? { figure: link.figure, filter: parsed.data } : null;
}
