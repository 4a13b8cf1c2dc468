import { describe, expect, it } from 'vitest';
import { PARTNERSHIP_STATUSES } from '../../shared/domain/codes';
import { LINE_DASH, legendDash, lineLegend, lineStyleOf, wrapText } from '../../renderer/features/map/map-legend';

describe('map legend: line styles by status', () => {
  it('every status has a style: solid while alive or prepared, dashed dormant or ended, dotted unknown', () => {
    expect(Object.fromEntries(PARTNERSHIP_STATUSES.map((status) => [status, lineStyleOf(status)]))).toEqual({
      proposed: 'solid',
      preparation: 'solid',
      active: 'solid',
      dormant: 'dashed',
      ended: 'dashed',
      unknown: 'dotted',
    });
    // The dashes are those of map.css (.map-link.dormant/.ended 3 3, .unknown 1 3).
    expect(LINE_DASH).toEqual({ solid: [], dashed: [3, 3], dotted: [1, 3] });
  });

  it('every status is explained by some style', () => {
    expect(
      lineLegend(PARTNERSHIP_STATUSES)
        .flatMap((entry) => entry.statuses)
        .sort(),
    ).toEqual([...PARTNERSHIP_STATUSES].sort());
  });

  it('explains only the styles drawn, each with the statuses on the map, in a fixed order', () => {
    expect(lineLegend([])).toEqual([]);
    // The imported registry: every status "not stated", so only the dotted line is explained.
    expect(lineLegend(['unknown', 'unknown'])).toEqual([{ style: 'dotted', statuses: ['unknown'] }]);
    expect(lineLegend(['unknown', 'ended', 'active', 'preparation', 'active'])).toEqual([
      { style: 'solid', statuses: ['active', 'preparation'] },
      { style: 'dashed', statuses: ['ended'] },
      { style: 'dotted', statuses: ['unknown'] },
    ]);
  });
});

describe('map legend: wrapping the filter line', () => {
  // One unit per character: easy to reason about.
  const measure = (text: string) => text.length;

  it('keeps a text that fits on one line', () => {
    expect(wrapText('Filtr: všechny obce', 40, measure)).toEqual(['Filtr: všechny obce']);
    expect(wrapText('', 40, measure)).toEqual(['']);
  });

  it('breaks at spaces so that no line is wider than the limit', () => {
    const filter =
      'Filter: all municipalities, Kraj Vysočina, Jihomoravský kraj, Zlínský kraj, Olomoucký kraj, Start year: 1990–2005';
    const lines = wrapText(filter, 30, measure);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines.join(' ')).toBe(filter);
  });

  it('a word wider than the limit keeps a line of its own', () => {
    expect(wrapText('a Hlavní-město-Praha b', 5, measure)).toEqual(['a', 'Hlavní-město-Praha', 'b']);
  });
});

describe('map legend: the piece of line', () => {
  it('has the map dashes, grown with its width, as a tidy stroke-dasharray', () => {
    expect(legendDash('solid')).toBeUndefined();
    expect(legendDash('dashed')).toBe('4.8 4.8');
    expect(legendDash('dotted')).toBe('1.6 4.8');
  });
});
