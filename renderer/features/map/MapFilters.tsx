import type { Dispatch, SetStateAction } from 'react';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import { MEMBERSHIP_FILTERS, type StatsFilterInput } from '../../../shared/domain/statistics/filter';
import { CodeSelect } from '../../components/Field';
import { OneCodeFilter } from '../../components/OneCodeFilter';
import { useI18n } from '../../lib/i18n';
import { hasNativeFiles } from '../../lib/upload';

/** What the choropleth shades: the shipped kraje, or okresy derived from the municipalities' positions. */
export type MapUnits = 'kraje' | 'okresy';

/**
 * The map's filters and switches: membership, type, status, lines, kraj → country totals, region bubbles, kraje or okresy shaded, and (in the desktop app,
 * which has a file dialog) the user's own boundaries file instead of the shipped kraje.
 */
export function MapFilters({
  filter,
  setFilter,
  lines,
  setLinesChoice,
  flows,
  setFlowsChoice,
  bubbles,
  setBubbles,
  boundaries,
  setBoundaries,
  loadBoundaries,
  units,
  setUnits,
}: {
  filter: StatsFilterInput;
  setFilter: Dispatch<SetStateAction<StatsFilterInput>>;
  lines: boolean;
  setLinesChoice: (on: boolean) => void;
  flows: boolean;
  setFlowsChoice: (on: boolean) => void;
  bubbles: boolean;
  setBubbles: (on: boolean) => void;
  boundaries: boolean;
  setBoundaries: (none: null) => void;
  loadBoundaries: () => Promise<void>;
  units: MapUnits;
  setUnits: (units: MapUnits) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <CodeSelect
        codes={MEMBERSHIP_FILTERS}
        labelPrefix="stats.membership"
        value={filter.membership ?? 'members'}
        onChange={(membership) => setFilter((f) => ({ ...f, membership: membership ?? 'members' }))}
        aria-label={t('stats.filter.membership')}
        className="membership-select"
        // The printed header says it in words (members, the default, not at all).
        data-print-ignore
        data-testid="map-membership"
      />
      <OneCodeFilter
        codes={PARTNERSHIP_TYPES}
        labelPrefix="partnershipType"
        chosen={filter.types}
        onChange={(types) => setFilter((f) => ({ ...f, types }))}
        empty={`${t('stats.filter.type')}: ${t('stats.filter.all')}`}
        aria-label={t('stats.filter.type')}
        data-testid="map-type"
      />
      <OneCodeFilter
        codes={PARTNERSHIP_STATUSES}
        labelPrefix="partnershipStatus"
        chosen={filter.statuses}
        onChange={(statuses) => setFilter((f) => ({ ...f, statuses }))}
        empty={`${t('stats.filter.status')}: ${t('stats.filter.all')}`}
        aria-label={t('stats.filter.status')}
        data-testid="map-status"
      />
      <MapToggle label={t('map.lines')} on={lines} set={setLinesChoice} testId="map-lines" />
      <MapToggle
        label={t('map.flows')}
        hint={t('map.flowsHint')}
        on={flows}
        set={setFlowsChoice}
        testId="map-flows-toggle"
      />
      <MapToggle label={t('map.bubbles')} on={bubbles} set={setBubbles} testId="map-bubbles" />
      {!boundaries && (
        // What is shaded is not a filter: the printed header leaves it out.
        <label className="map-toggle" title={t('map.units.hint')} data-print-ignore>
          {t('map.units')}
          <select
            value={units}
            onChange={(e) => setUnits(e.target.value === 'okresy' ? 'okresy' : 'kraje')}
            data-testid="map-units"
          >
            <option value="kraje">{t('map.units.kraje')}</option>
            <option value="okresy">{t('map.units.okresy')}</option>
          </select>
        </label>
      )}
      {boundaries ? (
        <button type="button" className="button" onClick={() => setBoundaries(null)}>
          {t('map.clearBoundaries')}
        </button>
      ) : (
        hasNativeFiles() && (
          <button
            type="button"
            className="button"
            onClick={() => void loadBoundaries()}
            data-testid="map-load-boundaries"
          >
            {t('map.loadBoundaries')}
          </button>
        )
      )}
    </>
  );
}

/** One of the map's switches: a labelled checkbox. */
function MapToggle({
  label,
  hint,
  on,
  set,
  testId,
}: {
  label: string;
  hint?: string;
  on: boolean;
  set: (on: boolean) => void;
  testId: string;
}) {
  return (
    <label className="map-toggle" title={hint}>
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} data-testid={testId} />
      {label}
    </label>
  );
}
