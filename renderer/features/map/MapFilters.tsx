import type { Dispatch, SetStateAction } from 'react';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import type { StatsFilterInput } from '../../../shared/domain/statistics/filter';
import { CodeSelect } from '../../components/Field';
import { useI18n } from '../../lib/i18n';

/** The map's filters and switches: type, status, lines, region bubbles, a boundaries file. */
export function MapFilters({
  filter,
  setFilter,
  lines,
  setLinesChoice,
  bubbles,
  setBubbles,
  boundaries,
  setBoundaries,
  loadBoundaries,
}: {
  filter: StatsFilterInput;
  setFilter: Dispatch<SetStateAction<StatsFilterInput>>;
  lines: boolean;
  setLinesChoice: (on: boolean) => void;
  bubbles: boolean;
  setBubbles: (on: boolean) => void;
  boundaries: boolean;
  setBoundaries: (none: null) => void;
  loadBoundaries: () => Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <>
      <CodeSelect
        codes={PARTNERSHIP_TYPES}
        labelPrefix="partnershipType"
        value={filter.types?.[0] ?? null}
        onChange={(type) => setFilter((f) => ({ ...f, types: type === null ? [] : [type] }))}
        empty={`${t('stats.filter.type')}: ${t('stats.filter.all')}`}
        aria-label={t('stats.filter.type')}
        data-testid="map-type"
      />
      <CodeSelect
        codes={PARTNERSHIP_STATUSES}
        labelPrefix="partnershipStatus"
        value={filter.statuses?.[0] ?? null}
        onChange={(status) => setFilter((f) => ({ ...f, statuses: status === null ? [] : [status] }))}
        empty={`${t('stats.filter.status')}: ${t('stats.filter.all')}`}
        aria-label={t('stats.filter.status')}
        data-testid="map-status"
      />
      <label className="map-toggle">
        <input
          type="checkbox"
          checked={lines}
          onChange={(e) => setLinesChoice(e.target.checked)}
          data-testid="map-lines"
        />
        {t('map.lines')}
      </label>
      <label className="map-toggle">
        <input
          type="checkbox"
          checked={bubbles}
          onChange={(e) => setBubbles(e.target.checked)}
          data-testid="map-bubbles"
        />
        {t('map.bubbles')}
      </label>
      {boundaries ? (
        <button type="button" className="button" onClick={() => setBoundaries(null)}>
          {t('map.clearBoundaries')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => void loadBoundaries()}
          data-testid="map-load-boundaries"
        >
          {t('map.loadBoundaries')}
        </button>
      )}
    </>
  );
}
