/**
 * Colours of the categories in charts (types or statuses of partnerships), one list for the
 * screen and the DOCX report. "Not stated" is always a neutral grey, so an import's unknown
 * values never look like a category of their own meaning.
 */
export const SERIES_COLOURS = ['#1d5fa8', '#3fa34d', '#e39b1b', '#8a6db8', '#c2410c'] as const;
export const NOT_STATED_COLOUR = '#9aa5b1';

/** The colour of each category key, in the keys' order. */
export function categoryColours(keys: readonly string[]): string[] {
  let next = 0;
  return keys.map((key) => {
    if (key === 'unknown') return NOT_STATED_COLOUR;
    const colour = SERIES_COLOURS[next % SERIES_COLOURS.length] ?? NOT_STATED_COLOUR;
    next += 1;
    return colour;
  });
}
