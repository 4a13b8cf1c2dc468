import { useMemo, useRef, useState, type MouseEvent } from 'react';
import {
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../../../shared/domain/codes';
import type { Boundaries } from '../../../shared/domain/statistics/boundaries';
import type { StatsFilterInput } from '../../../shared/domain/statistics/filter';
import { countryLabel } from '../../../shared/domain/statistics/tables';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { MapTooltip, type TooltipState } from './MapTooltip';
import { MAP_HEIGHT, MAP_WIDTH, countryShapes, europeProjection, linkPath, shapePath } from './map-geometry';
import './map.css';

const ZOOMS = [1, 1.6, 2.6, 4.2] as const;

/** Opens the Partnerships grid filtered (the deep link its screen reads). */
const openPartnerships = (query: string) => {
  window.location.hash = `#/partnerships?${query}`;
};

/** Fully offline map: countries, members, partner towns, lines, region bubbles, optional choropleth. */
export function MapPage() {
  const i18n = useI18n();
  const { t, tk, formatNumber } = i18n;
  const [filter, setFilter] = useState<StatsFilterInput>({});
  const [bubbles, setBubbles] = useState(false);
  const [lines, setLines] = useState(true);
  const [zoom, setZoom] = useState(0);
  const [boundaries, setBoundaries] = useState<Boundaries | null>(null);
  const [boundaryError, setBoundaryError] = useState<unknown>(null);
  const [tooltip, setTooltip] = useState<TooltipState | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const map = useAsync(() => call('map:data', { filter }), [filter]);
  const data = map.data;

  const projection = useMemo(() => europeProjection(ZOOMS[zoom] ?? 1), [zoom]);
  const shapes = useMemo(() => countryShapes(projection), [projection]);
  const partnerCountries = useMemo(() => new Set(data?.towns.map((town) => town.countryCode) ?? []), [data]);
  const project = (lon: number, lat: number): [number, number] | null => projection([lon, lat]);

  const show = (event: MouseEvent, title: string, lines: string[]) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect) return;
    setTooltip({ x: event.clientX - rect.left, y: event.clientY - rect.top, title, lines });
  };
  const hide = () => setTooltip(null);

  const loadBoundaries = async () => {
    setBoundaryError(null);
    try {
      const loaded = await call('map:loadBoundaries', {});
      if (loaded) setBoundaries(loaded);
    } catch (error) {
      setBoundaryError(error);
    }
  };

  const regionCounts = useMemo(() => new Map(data?.regions.map((r) => [r.code, r.partnerships]) ?? []), [data]);
  const maxRegion = Math.max(1, ...(data?.regions.map((r) => r.partnerships) ?? [1]));
  const townName = (town: { name: string; nameCs: string | null }) =>
    i18n.language === 'cs' && town.nameCs && town.nameCs !== town.name ? `${town.nameCs} (${town.name})` : town.name;
  const members = useMemo(() => new Map(data?.members.map((m) => [m.id, m]) ?? []), [data]);
  const towns = useMemo(() => new Map(data?.towns.map((town) => [town.id, town]) ?? []), [data]);

  return (
    <section className="page map-page" data-testid="map-page">
      <PageHeader
        title={t('map.title')}
        count={
          data
            ? t('map.summary', { members: data.members.length, towns: data.towns.length, links: data.links.length })
            : undefined
        }
      >
        <select
          aria-label={t('stats.filter.type')}
          data-testid="map-type"
          value={filter.types?.[0] ?? ''}
          onChange={(e) =>
            setFilter((f) => ({ ...f, types: e.target.value === '' ? [] : [e.target.value as PartnershipType] }))
          }
        >
          <option value="">
            {t('stats.filter.type')}: {t('stats.filter.all')}
          </option>
          {PARTNERSHIP_TYPES.map((type) => (
            <option key={type} value={type}>
              {tk(`partnershipType.${type}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('stats.filter.status')}
          data-testid="map-status"
          value={filter.statuses?.[0] ?? ''}
          onChange={(e) =>
            setFilter((f) => ({ ...f, statuses: e.target.value === '' ? [] : [e.target.value as PartnershipStatus] }))
          }
        >
          <option value="">
            {t('stats.filter.status')}: {t('stats.filter.all')}
          </option>
          {PARTNERSHIP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tk(`partnershipStatus.${status}`)}
            </option>
          ))}
        </select>
        <label className="map-toggle">
          <input type="checkbox" checked={lines} onChange={(e) => setLines(e.target.checked)} data-testid="map-lines" />
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
      </PageHeader>
      {map.status === 'error' && <ErrorNotice error={map.error} onRetry={map.reload} />}
      {boundaryError !== null && <ErrorNotice error={boundaryError} />}
      <div className="map-box card" ref={box} onMouseLeave={hide}>
        <svg
          className="map-svg"
          viewBox={`0 0 ${String(MAP_WIDTH)} ${String(MAP_HEIGHT)}`}
          preserveAspectRatio="xMidYMid slice"
          role="img"
          aria-label={t('map.aria')}
          data-testid="map-svg"
        >
          <rect className="map-sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
          <g className="map-countries">
            {shapes.map((shape) => {
              const partner = shape.iso2 !== null && partnerCountries.has(shape.iso2);
              const iso2 = shape.iso2;
              const label = iso2 ? countryLabel(iso2, i18n.language) : shape.name;
              return (
                <path
                  key={shape.key}
                  d={shape.d}
                  className={partner ? 'map-country partner' : 'map-country'}
                  data-testid={partner && iso2 ? `map-country-${iso2}` : undefined}
                  onMouseMove={partner ? (e) => show(e, label, [t('map.tooltip.click')]) : undefined}
                  onClick={partner && iso2 ? () => openPartnerships(`country=${iso2}`) : undefined}
                />
              );
            })}
          </g>
          {boundaries && (
            <g className="map-choropleth" data-testid="map-choropleth">
              {boundaries.regions.map((region) => {
                const d = shapePath(projection, region.geometry);
                const count = regionCounts.get(region.code) ?? 0;
                if (!d) return null;
                return (
                  <path
                    key={region.code}
                    d={d}
                    className="map-region"
                    fillOpacity={0.12 + 0.78 * (count / maxRegion)}
                    onMouseMove={(e) => show(e, region.name, [t('map.tooltip.partnerships', { count })])}
                  />
                );
              })}
            </g>
          )}
          {lines && data && (
            <g className="map-links" data-testid="map-links">
              {data.links.map((link) => {
                const m = members.get(link.municipalityId);
                const town = towns.get(link.townId);
                if (!m || !town) return null;
                const d = linkPath(projection, [m.longitude, m.latitude], [town.longitude, town.latitude]);
                return d ? <path key={link.id} d={d} className={`map-link ${link.status}`} /> : null;
              })}
            </g>
          )}
          {data && (
            <g className="map-towns">
              {data.towns.map((town) => {
                const p = project(town.longitude, town.latitude);
                if (!p) return null;
                const name = townName(town);
                return (
                  <circle
                    key={town.id}
                    cx={p[0]}
                    cy={p[1]}
                    r={3.2}
                    className="map-town"
                    data-testid="map-town"
                    data-name={town.name}
                    onMouseMove={(e) =>
                      show(e, name, [
                        countryLabel(town.countryCode, i18n.language),
                        t('map.tooltip.partnerships', { count: town.partnerships }),
                      ])
                    }
                    onClick={() => openPartnerships(`country=${town.countryCode}`)}
                  />
                );
              })}
            </g>
          )}
          {data && !bubbles && (
            <g className="map-members">
              {data.members.map((m) => {
                const p = project(m.longitude, m.latitude);
                if (!p) return null;
                return (
                  <circle
                    key={m.id}
                    cx={p[0]}
                    cy={p[1]}
                    r={3.6}
                    className="map-member"
                    data-testid="map-member"
                    data-id={m.id}
                    data-name={m.name}
                    onMouseMove={(e) =>
                      show(e, m.name, [
                        t('map.tooltip.partnerships', { count: m.partnerships }),
                        t('map.tooltip.click'),
                      ])
                    }
                    onClick={() => openPartnerships(`municipality=${String(m.id)}`)}
                  />
                );
              })}
            </g>
          )}
          {data && bubbles && (
            <g className="map-bubbles" data-testid="map-bubble-layer">
              {data.regions.map((region) => {
                const p = project(region.longitude, region.latitude);
                if (!p) return null;
                const r = 4 + 22 * Math.sqrt(region.partnerships / maxRegion) * Math.sqrt(ZOOMS[zoom] ?? 1);
                return (
                  <g key={region.code}>
                    <circle
                      cx={p[0]}
                      cy={p[1]}
                      r={r}
                      className="map-bubble"
                      data-testid="map-bubble"
                      onMouseMove={(e) =>
                        show(e, region.name, [t('map.tooltip.partnerships', { count: region.partnerships })])
                      }
                      onClick={() => openPartnerships(`region=${region.code}`)}
                    />
                    <text x={p[0]} y={p[1] + 4} className="map-bubble-label">
                      {formatNumber(region.partnerships)}
                    </text>
                  </g>
                );
              })}
            </g>
          )}
        </svg>
        <div className="map-zoom">
          <button
            type="button"
            className="button small"
            aria-label={t('map.zoomIn')}
            title={t('map.zoomIn')}
            disabled={zoom >= ZOOMS.length - 1}
            onClick={() => setZoom((z) => Math.min(z + 1, ZOOMS.length - 1))}
          >
            +
          </button>
          <button
            type="button"
            className="button small"
            aria-label={t('map.zoomOut')}
            title={t('map.zoomOut')}
            disabled={zoom === 0}
            onClick={() => setZoom((z) => Math.max(z - 1, 0))}
          >
            −
          </button>
        </div>
        <div className="map-legend">
          <span>
            <i className="dot member" /> {t('map.legend.member')}
          </span>
          <span>
            <i className="dot town" /> {t('map.legend.town')}
          </span>
          {bubbles && (
            <span>
              <i className="dot bubble" /> {t('map.legend.region')}
            </span>
          )}
          {boundaries && <span>{t('map.boundariesLoaded', { file: boundaries.fileName })}</span>}
          {data && data.withoutCoordinates > 0 && (
            <span className="map-missing">{t('map.withoutCoordinates', { count: data.withoutCoordinates })}</span>
          )}
        </div>
        {tooltip && <MapTooltip state={tooltip} />}
      </div>
    </section>
  );
}
