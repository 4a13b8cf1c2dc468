import type { Boundaries } from '../../../shared/domain/statistics/boundaries';
import type { StatsFilterInput } from '../../../shared/domain/statistics/filter';
import type { MapUnits } from './MapFilters';

/** What the user set on the Map screen: kept while the app runs, as the Partnerships grid keeps its filters. */
export type MapSettings = {
  filter: StatsFilterInput;
  bubbles: boolean;
  /** Lines and kraj → country totals as the user switched them (null: as the map's size decides). */
  linesChoice: boolean | null;
  flowsChoice: boolean | null;
  shading: MapUnits;
  zoom: number;
  /** A boundary file the user loaded (desktop). */
  boundaries: Boundaries | null;
};

export const defaultMapSettings = (): MapSettings => ({
  filter: {},
  bubbles: false,
  linesChoice: null,
  flowsChoice: null,
  shading: 'kraje',
  zoom: 0,
  boundaries: null,
});

// The screen is left (unmounted) and opened again: its settings live here for the session (a
// reload of the app starts from the defaults, as the grid's filters do).
let kept: MapSettings = defaultMapSettings();

/** The settings the Map screen left last (the defaults in a new session). */
export const keptMapSettings = (): MapSettings => kept;

/** Remembers the Map screen's settings for when it is opened again. */
export const keepMapSettings = (settings: MapSettings): void => {
  kept = settings;
};
