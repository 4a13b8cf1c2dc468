import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import type { Boundaries } from '../../../shared/domain/statistics/boundaries';
import type { StatsFilterInput } from '../../../shared/domain/statistics/filter';
import { countryLabel } from '../../../shared/domain/statistics/tables';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { openLink, partnershipsLink } from '../../lib/deep-links';
import { MapTooltip, type TooltipState } from './MapTooltip';
import {
  MAP_HEIGHT,
  MAP_WIDTH,
  countryShapes,
  europeProjection,
  linksPath,
  nearestPoint,
  pointIndex,
  renderDenseLayer,
  shapePath,
} from './map-geometry';
import './map.css';
import { CodeSelect } from '../../components/Field';

const ZOOMS = [1, 1.6, 2.6, 4.2] as const;
/**
 * Up to this many points each is an SVG circle of its own; above it (a registry of Europe's size)
 * each kind of point is drawn as one path and the point under the pointer is found in a grid.
 */
const CIRCLES_LIMIT = 3000;
const MEMBER_R = 3.6;
const TOWN_R = 3.2;

type MapPoint =
  | { kind: 'member'; id: number; name: string; partnerships: number }
  | { kind: 'town'; name: string; countryCode: string; partnerships: number };

/** Fully offline map: countries, members, partner towns, lines, region bubbles, optional choropleth. */
export function MapPage() {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const [filter, setFilter] = useState<StatsFilterInput>({});
  const [bubbles, setBubbles] = useState(false);
  // Lines start on for a map of a usual size, off for one of Europe's size (the user may turn them on).
  const [linesChoice, setLinesChoice] = useState<boolean | null>(null);
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
  const many = data !== undefined && data.members.length + data.towns.length > CIRCLES_LIMIT;
  const lines = linesChoice ?? !many;

  /** The lines' ends per status (their colour). */
  const linkEnds = useMemo(() => {
    if (!data) return [];
    return PARTNERSHIP_STATUSES.map((status) => {
      const ends: [[number, number], [number, number]][] = [];
      for (const link of data.links) {
        if (link.status !== status) continue;
        const m = members.get(link.municipalityId);
        const town = towns.get(link.townId);
        if (m && town)
          ends.push([
            [m.longitude, m.latitude],
            [town.longitude, town.latitude],
          ]);
      }
      return { status, ends };
    });
  }, [data, members, towns]);
  /** A small map draws its lines as SVG: one path per status. */
  const linkPaths = useMemo(
    () =>
      many
        ? []
        : linkEnds.flatMap(({ status, ends }) => {
            const d = linksPath(projection, ends);
            return d ? [{ status, d }] : [];
          }),
    [many, linkEnds, projection],
  );

  /** Above the limit: the points' positions, and a grid to find the point under the pointer. */
  const dense = useMemo(() => {
    if (!data || !many) return null;
    const memberXY: [number, number][] = [];
    const townXY: [number, number][] = [];
    const points: { x: number; y: number; item: MapPoint }[] = [];
    for (const town of data.towns) {
      const p = projection([town.longitude, town.latitude]);
      if (!p) continue;
      townXY.push(p);
      points.push({ x: p[0], y: p[1], item: { kind: 'town', ...town, name: townName(town) } });
    }
    for (const m of data.members) {
      const p = projection([m.longitude, m.latitude]);
      if (!p) continue;
      memberXY.push(p);
      points.push({ x: p[0], y: p[1], item: { kind: 'member', id: m.id, name: m.name, partnerships: m.partnerships } });
    }
    return { members: memberXY, towns: townXY, index: pointIndex(points, 8) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- townName depends only on the language
  }, [data, many, projection, i18n.language]);

  /** A dense map's lines and dots, drawn on a canvas into one image (see renderDenseLayer). */
  const [denseImage, setDenseImage] = useState<string | null>(null);
  useEffect(() => {
    if (!dense) return;
    let live = true;
    let url: string | null = null;
    void renderDenseLayer(
      projection,
      { links: lines ? linkEnds : [], towns: dense.towns, members: bubbles ? [] : dense.members },
      { member: MEMBER_R, town: TOWN_R },
    ).then((made) => {
      url = made;
      if (live) setDenseImage(made);
      else if (made) URL.revokeObjectURL(made);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [dense, projection, lines, bubbles, linkEnds]);

  /** The point under the pointer on a dense map (members drawn last, so they win a tie). */
  const pointAt = (event: MouseEvent<SVGSVGElement>): MapPoint | null => {
    if (!dense) return null;
    const matrix = event.currentTarget.getScreenCTM();
    if (!matrix) return null;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return nearestPoint(dense.index, at.x, at.y, 6);
  };
  const onDenseMove = (event: MouseEvent<SVGSVGElement>) => {
    const point = pointAt(event);
    if (!point) return;
    if (point.kind === 'member')
      show(event, point.name, [t('map.tooltip.partnerships', { count: point.partnerships }), t('map.tooltip.click')]);
    else
      show(event, point.name, [
        countryLabel(point.countryCode, i18n.language),
        t('map.tooltip.partnerships', { count: point.partnerships }),
      ]);
  };
  const onDenseClick = (event: MouseEvent<SVGSVGElement>) => {
    const point = pointAt(event);
    if (!point) return;
    event.stopPropagation();
    openLink(partnershipsLink(point.kind === 'member' ? { municipality: point.id } : { country: point.countryCode }));
  };

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
          onMouseMoveCapture={dense && !bubbles ? onDenseMove : undefined}
          onClickCapture={dense && !bubbles ? onDenseClick : undefined}
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
                  onClick={partner && iso2 ? () => openLink(partnershipsLink({ country: iso2 })) : undefined}
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
              {linkPaths.map(({ status, d }) => (
                <path key={status} d={d} className={`map-link ${status}`} data-status={status} />
              ))}
            </g>
          )}
          {dense && denseImage && (
            <image
              href={denseImage}
              x={0}
              y={0}
              width={MAP_WIDTH}
              height={MAP_HEIGHT}
              className="map-dense"
              data-testid="map-dense"
            />
          )}
          {data && !dense && (
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
                    r={TOWN_R}
                    className="map-town"
                    data-testid="map-town"
                    data-name={town.name}
                    onMouseMove={(e) =>
                      show(e, name, [
                        countryLabel(town.countryCode, i18n.language),
                        t('map.tooltip.partnerships', { count: town.partnerships }),
                      ])
                    }
                    onClick={() => openLink(partnershipsLink({ country: town.countryCode }))}
                  />
                );
              })}
            </g>
          )}
          {data && !dense && !bubbles && (
            <g className="map-members">
              {data.members.map((m) => {
                const p = project(m.longitude, m.latitude);
                if (!p) return null;
                return (
                  <circle
                    key={m.id}
                    cx={p[0]}
                    cy={p[1]}
                    r={MEMBER_R}
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
                    onClick={() => openLink(partnershipsLink({ municipality: m.id }))}
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
                      onClick={() => openLink(partnershipsLink({ region: region.code }))}
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
