import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { PARTNERSHIP_STATUSES, type PartnershipStatus } from '../../../shared/domain/codes';
import type { Boundaries } from '../../../shared/domain/statistics/boundaries';
import type { DerivedDistricts } from '../../../shared/domain/statistics/district-shapes';
import {
  defaultStatsFilter,
  hasTerritory,
  statsFilterSchema,
  type StatsFilterInput,
} from '../../../shared/domain/statistics/filter';
import { describeFilter, territoryLabel, territoryOf, yearsLabel } from '../../../shared/domain/statistics/tables';
import { parseMapLink, statsFigureLink } from '../../lib/deep-links';
import { countryLabel } from '../../../shared/domain/statistics/tables';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoMembersNotice } from '../../components/NoMembersNotice';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { openLink, partnershipsLink } from '../../lib/deep-links';
import { MapFilters, type MapUnits } from './MapFilters';
import {
  BubblesLayer,
  ChoroplethLayer,
  CountriesLayer,
  FlowsLayer,
  LinksLayer,
  MembersLayer,
  TownsLayer,
  type ShowTooltip,
} from './map-layers';
import { MapTooltip, type TooltipState } from './MapTooltip';
import { useDenseMap } from './useDenseMap';
import { shadedShapes } from './map-shading';
import { keepMapSettings, keptMapSettings, type MapSettings } from './map-session';
import { compareCzech } from '../../../shared/domain/text';
import { loadBuiltinBoundaries } from './builtin-boundaries';
import { MapExportButtons } from './MapExportButtons';
import type { MapLegend } from './map-export';
import { LEGEND_LINE_WIDTH, LINE_COLOR, legendDash, lineLegend, type LineStyle } from './map-legend';
import {
  MAP_HEIGHT,
  MAP_WIDTH,
  countryShapesSoon,
  europeProjection,
  keptCountryShapes,
  linksPath,
  type CountryShape,
} from './map-geometry';
import type { GeoProjection } from 'd3-geo';
import './map.css';

const ZOOMS = [1, 1.6, 2.6, 4.2] as const;
/**
 * Up to this many points each is an SVG circle of its own; above it (a registry of Europe's size)
 * each kind of point is drawn as one path and the point under the pointer is found in a grid.
 */
const CIRCLES_LIMIT = 3000;

/** Fully offline map: countries, members, partner towns, lines, region bubbles, optional choropleth. */
export function MapPage() {
  const i18n = useI18n();
  const { t, tn } = i18n;
  // The screen opens as the user left it in this session (walkthrough 28 finding 5d). A link from
  // the Statistics screen brings its filter (territory, years, types, membership) instead of the
  // kept one; a filter the statistics would refuse (a link typed by hand) gives the default filter.
  const [initial] = useState<MapSettings>(() => {
    const kept = keptMapSettings();
    if (!window.location.hash.includes('?')) return kept;
    const linked = parseMapLink(window.location.hash);
    return { ...kept, filter: statsFilterSchema.safeParse(linked).success ? linked : {} };
  });
  const [filter, setFilter] = useState<StatsFilterInput>(initial.filter);
  const [bubbles, setBubbles] = useState(initial.bubbles);
  // Lines start on for a map of a usual size, off for one of Europe's size (the user may turn them on).
  const [linesChoice, setLinesChoice] = useState<boolean | null>(initial.linesChoice);
  // Kraj → country totals start on where single lines are off (a map of Europe's size).
  const [flowsChoice, setFlowsChoice] = useState<boolean | null>(initial.flowsChoice);
  const [zoom, setZoom] = useState(initial.zoom);
  /** A boundary file the user loaded (desktop); it replaces the shipped kraje until cleared. */
  const [boundaries, setBoundaries] = useState<Boundaries | null>(initial.boundaries);
  const [builtin, setBuiltin] = useState<Boundaries | null>(null);
  const [boundaryError, setBoundaryError] = useState<unknown>(null);
  const [tooltip, setTooltip] = useState<TooltipState | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  // Paper shows what the screen shows: the map's box keeps the screen's proportions when printed
  // (map.css), so that the map, cut to its box (`slice`), is cut as on screen and scaled to the
  // paper's width. Written as the box changes, since the browser's own print cannot wait.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const { width, height } = element.getBoundingClientRect();
      if (width === 0 || height === 0 || window.matchMedia('print').matches) return;
      element.style.setProperty('--map-screen-ratio', String(Math.min(3, Math.max(1, width / height))));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const map = useAsync(() => call('map:data', { filter }), [filter]);
  useEffect(() => {
    let live = true;
    void loadBuiltinBoundaries().then((loaded) => {
      if (live) setBuiltin(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  // Okresy are derived by the core from the municipalities' positions (asked for when first chosen).
  const [shading, setShading] = useState<MapUnits>(initial.shading);
  useEffect(() => {
    keepMapSettings({ filter, bubbles, linesChoice, flowsChoice, shading, zoom, boundaries });
  }, [filter, bubbles, linesChoice, flowsChoice, shading, zoom, boundaries]);
  const byDistrict = shading === 'okresy' && boundaries === null;
  const derived = useAsync(() => (byDistrict ? call('map:districts', {}) : Promise.resolve(null)), [byDistrict]);
  const data = map.data;

  const projection = useMemo(() => europeProjection(ZOOMS[zoom] ?? 1), [zoom]);
  // The countries are drawn a moment after the screen (their first projection is a task of its own).
  const [shapes, setShapes] = useState<{ projection: GeoProjection; shapes: CountryShape[] } | null>(null);
  useEffect(() => {
    let live = true;
    void countryShapesSoon(projection).then((made) => {
      if (live) setShapes({ projection, shapes: made });
    });
    return () => {
      live = false;
    };
  }, [projection]);
  const countries = shapes?.projection === projection ? shapes.shapes : (keptCountryShapes(projection) ?? []);
  const partnerCountries = useMemo(() => new Set(data?.towns.map((town) => town.countryCode) ?? []), [data]);
  const project = (lon: number, lat: number): [number, number] | null => projection([lon, lat]);

  const show: ShowTooltip = (event, title, lines) => {
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

  // A click on a kraj narrows the whole map to it (its members, towns, lines and figures); the
  // chip above the map drops it, and its link opens exactly these partnerships in the grid with
  // the map's filter (membership, type, status) as the statistics count them.
  const onRegion = (code: string) => {
    hide();
    setFilter((current) => ({ ...current, regions: [code], districts: [], orps: [] }));
  };
  const territoryCodes = { regions: filter.regions ?? [], districts: filter.districts ?? [], orps: filter.orps ?? [] };
  const narrowed = hasTerritory(territoryCodes);
  const units = useAsync(() => (narrowed ? call('stats:territories', {}) : Promise.resolve(null)), [narrowed]);
  const chosenTerritory = !narrowed || !units.data ? null : territoryOf(territoryCodes, units.data);
  const chosenRegionName =
    chosenTerritory === null ? undefined : (territoryLabel(chosenTerritory, i18n.language) ?? undefined);

  const regionCounts = useMemo(() => new Map(data?.regions.map((r) => [r.code, r.partnerships]) ?? []), [data]);
  const maxRegion = Math.max(1, ...(data?.regions.map((r) => r.partnerships) ?? [1]));
  const districtCounts = useMemo(() => new Map(data?.districts.map((d) => [d.code, d.partnerships]) ?? []), [data]);
  /**
   * What is shaded: the kraje (loaded or shipped), or the derived okresy with every kraj that
   * could not be divided kept whole with its kraj shading (walkthrough 28 finding 3).
   */
  const shaded = useMemo(() => {
    if (byDistrict) {
      if (!derived.data) return null;
      return shadedShapes({ kraje: builtin, districts: derived.data.districts, regionCounts, districtCounts });
    }
    const kraje = boundaries ?? builtin;
    return kraje ? shadedShapes({ kraje, districts: null, regionCounts, districtCounts }) : null;
  }, [byDistrict, derived.data, builtin, boundaries, regionCounts, districtCounts]);
  const undivided = useMemo(() => shaded?.filter((shape) => shape.undivided) ?? [], [shaded]);
  const onDistrict = (code: string) => {
    hide();
    setFilter((current) => ({ ...current, regions: [], districts: [code], orps: [] }));
  };
  const many = data !== undefined && data.members.length + data.towns.length > CIRCLES_LIMIT;
  const lines = linesChoice ?? !many;
  const flows = flowsChoice ?? many;
  /** The line styles drawn (by status), each with its statuses: explained in both legends. */
  const lineStyles = useMemo(
    () => (data && lines ? lineLegend(data.links.map((link) => link.status)) : []),
    [data, lines],
  );
  const statusList = (statuses: readonly PartnershipStatus[]) =>
    statuses.map((status) => t(`partnershipStatus.${status}`)).join(', ');
  // Members are the default: a registry with none marked (a list of all municipalities just
  // imported) draws nothing, and says why as Statistics and Partnerships do, not "nothing matches".
  const membersOnly = (filter.membership ?? 'members') === 'members';
  const emptyMap = data !== undefined && data.members.length === 0 && data.towns.length === 0;
  const anyMember = useAsync(
    () =>
      emptyMap && membersOnly
        ? call('stats:figureRows', { filter: { membership: 'members' }, figure: 'municipalities' }).then(
            ({ ids }) => ids.length > 0,
          )
        : Promise.resolve(null),
    [emptyMap, membersOnly],
  );
  const noMembers = emptyMap && membersOnly && anyMember.data === false;

  /** The lines' ends per status (their colour); none while lines are off (a map of Europe's size). */
  const linkEnds = useMemo(() => {
    if (!data || !lines) return [];
    const members = new Map(data.members.map((m) => [m.id, m]));
    const towns = new Map(data.towns.map((town) => [town.id, town]));
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
  }, [data, lines]);
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

  const { dense, denseImage, pointAt } = useDenseMap({ data, many, projection, lines, bubbles, linkEnds });
  const onDenseMove = (event: MouseEvent<SVGSVGElement>) => {
    const point = pointAt(event);
    if (!point) return;
    // A point over a kraj → country line is the one named.
    event.stopPropagation();
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
    openLink(
      partnershipsLink(
        point.kind === 'member' ? { municipality: point.id } : { country: point.countryCode },
        membership,
      ),
    );
  };

  const membership = filter.membership ?? 'members';
  // Years come only from a Statistics link: said in the printed header and the export's legend too.
  const years = yearsLabel({ fromYear: filter.fromYear ?? null, toYear: filter.toYear ?? null }, i18n.language);
  /**
   * The map's filter in words, as the Statistics print and exports say it (one describer): every
   * filter in effect, the members-only default included, so that a printed or exported map of the
   * members is not read as the whole registry (walkthrough 26 finding 3). The map does not count
   * dormancy, and the print and the export state their date on a line of their own.
   */
  const parsedFilter = statsFilterSchema.safeParse(filter);
  const fullFilter = parsedFilter.success ? parsedFilter.data : defaultStatsFilter();
  const filterWords = describeFilter({ ...fullFilter, today: fullFilter.today ?? '' }, i18n.language, chosenTerritory, {
    withDate: false,
    withDormant: false,
  });
  /** The legend of an exported map: what is drawn, for which filter, when, from which sources. */
  const legend = (date: string): MapLegend => {
    return {
      title: t('map.title'),
      lines: [t('print.filter', { filter: filterWords }), t('map.export.date', { date })],
      entries: [
        { color: '#1d5fa8', text: t(`map.legend.municipality.${membership}`) },
        { color: '#e07b00', text: t('map.legend.town') },
        // The bubbles' blue at 55 % on white, as a plain colour any SVG reader draws.
        ...(bubbles ? [{ color: '#83a7cf', text: t('map.legend.region') }] : []),
        ...lineStyles.map(({ style, statuses }) => ({
          color: LINE_COLOR[style],
          text: t('map.legend.statusLine', { statuses: statusList(statuses) }),
          shape: 'line' as const,
          dash: legendDash(style),
        })),
        ...(flows ? [{ color: '#7a3fb0', text: t('map.legend.flow'), shape: 'band' as const }] : []),
        ...(shaded
          ? [
              {
                color: '#1d5fa8',
                text: t(byDistrict ? 'map.legend.choroplethDistricts' : 'map.legend.choropleth'),
                shape: 'shade' as const,
              },
            ]
          : []),
        ...(byDistrict && undivided.length > 0
          ? [
              {
                color: '#1d5fa8',
                text: tn('map.undivided', undivided.length),
                shape: 'undivided' as const,
              },
            ]
          : []),
      ],
      attribution:
        byDistrict && derived.data
          ? t('map.attributionDistricts', { count: derived.data.seeds })
          : t('map.attribution'),
    };
  };

  return (
    <section className="page map-page" data-testid="map-page">
      <PageHeader
        title={t('map.title')}
        count={
          data
            ? [
                tn('map.summary.members', data.members.length),
                tn('map.summary.towns', data.towns.length),
                tn('map.summary.links', data.links.length),
              ].join(', ')
            : undefined
        }
      >
        <MapFilters
          filter={filter}
          setFilter={setFilter}
          lines={lines}
          setLinesChoice={setLinesChoice}
          flows={flows}
          setFlowsChoice={setFlowsChoice}
          bubbles={bubbles}
          setBubbles={setBubbles}
          boundaries={boundaries !== null}
          setBoundaries={setBoundaries}
          loadBoundaries={loadBoundaries}
          units={shading}
          setUnits={setShading}
        />
        <PrintButton title={t('map.title')} filter={filterWords} />
        <MapExportButtons
          svg={svg}
          legend={legend}
          filter={{ territory: chosenTerritory, fromYear: filter.fromYear ?? null, toYear: filter.toYear ?? null }}
        />
      </PageHeader>
      {(narrowed || years !== null) && (
        <div className="chips map-region-filter" data-testid="map-region-filter">
          {narrowed && (
            <span className="chip">
              {t('map.region.only', { region: chosenRegionName ?? '…' })}
              <button
                type="button"
                aria-label={t('map.region.clear')}
                title={t('map.region.clear')}
                data-testid="map-region-clear"
                onClick={() => setFilter((current) => ({ ...current, regions: [], districts: [], orps: [] }))}
              >
                ×
              </button>
            </span>
          )}
          {years !== null && (
            // The years a Statistics link brought: the map has no control of its own for them, so
            // they are said here and can be dropped (the map counted them unseen).
            <span className="chip" data-testid="map-years">
              {`${t('stats.filter.years')}: ${years}`}
              <button
                type="button"
                aria-label={t('map.years.clear')}
                title={t('map.years.clear')}
                data-testid="map-years-clear"
                onClick={() => setFilter((current) => ({ ...current, fromYear: undefined, toYear: undefined }))}
              >
                ×
              </button>
            </span>
          )}
          {narrowed && (
            <a className="button small" href={statsFigureLink('partnerships', filter)} data-testid="map-region-grid">
              {t(
                (filter.districts ?? []).length > 0 && (filter.regions ?? []).length === 0
                  ? 'map.region.partnershipsDistrict'
                  : 'map.region.partnerships',
              )}
            </a>
          )}
        </div>
      )}
      {map.status === 'error' && <ErrorNotice error={map.error} onRetry={map.reload} />}
      {boundaryError !== null && <ErrorNotice error={boundaryError} />}
      {byDistrict && derived.status === 'error' && <ErrorNotice error={derived.error} onRetry={derived.reload} />}
      {noMembers && (
        <NoMembersNotice
          of="municipalities"
          onShowAll={() => setFilter((current) => ({ ...current, membership: 'all' }))}
        />
      )}
      <div className="map-box card" ref={box} onMouseLeave={hide}>
        <svg
          ref={svg}
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
          <CountriesLayer
            shapes={countries}
            partnerCountries={partnerCountries}
            show={show}
            hide={hide}
            membership={membership}
          />
          {shaded && (
            <ChoroplethLayer
              shapes={shaded}
              projection={projection}
              level={byDistrict ? 'district' : 'region'}
              show={show}
              hide={hide}
              onRegion={onRegion}
              onDistrict={onDistrict}
            />
          )}
          {lines && data && <LinksLayer paths={linkPaths} />}
          {/* Under the points, so that a point on a flow stays the one clicked. */}
          {flows && data && (
            <FlowsLayer flows={data.flows} project={project} show={show} hide={hide} membership={membership} />
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
          {data && !many && <TownsLayer data={data} project={project} show={show} membership={membership} />}
          {data && !many && !bubbles && <MembersLayer data={data} project={project} show={show} />}
          {data && bubbles && (
            <BubblesLayer
              data={data}
              project={project}
              maxRegion={maxRegion}
              zoomFactor={ZOOMS[zoom] ?? 1}
              show={show}
              onRegion={onRegion}
            />
          )}
        </svg>
        {emptyMap && !noMembers && anyMember.status !== 'loading' && (
          // Nothing to draw: said on the map, not left as an empty map that looks like a fault.
          <p className="map-empty" role="status" data-testid="map-empty">
            {t('map.empty')}
          </p>
        )}
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
            <i className="dot member" /> {t(`map.legend.municipality.${membership}`)}
          </span>
          <span>
            <i className="dot town" /> {t('map.legend.town')}
          </span>
          {bubbles && (
            <span>
              <i className="dot bubble" /> {t('map.legend.region')}
            </span>
          )}
          {lineStyles.length > 0 && (
            <span className="map-legend-lines" data-testid="map-legend-lines">
              {t('map.legend.status')}
              {lineStyles.map(({ style, statuses }) => (
                <span key={style} data-testid={`map-legend-line-${style}`}>
                  <LineSwatch style={style} /> {statusList(statuses)}
                </span>
              ))}
            </span>
          )}
          {flows && (
            <span data-testid="map-legend-flow">
              <i className="flow" /> {t('map.legend.flow')}
            </span>
          )}
          {shaded && (
            <span data-testid="map-legend-choropleth">
              <i className="shade" /> {t(byDistrict ? 'map.legend.choroplethDistricts' : 'map.legend.choropleth')}
            </span>
          )}
          {byDistrict ? (
            <DistrictsNote
              answer={derived.data}
              loading={derived.status === 'loading'}
              undivided={undivided.map((shape) => shape.name)}
            />
          ) : boundaries ? (
            <span>{t('map.boundariesLoaded', { file: boundaries.fileName })}</span>
          ) : (
            builtin && <span className="map-attribution">{t('map.boundariesSource')}</span>
          )}
          {data && data.withoutCoordinates > 0 && (
            <span className="map-missing">{t('map.withoutCoordinates', { count: data.withoutCoordinates })}</span>
          )}
        </div>
        {tooltip && <MapTooltip state={tooltip} />}
      </div>
    </section>
  );
}

/** A short piece of a partnership's line as the map draws it (colour and dashes), for the legend. */
function LineSwatch({ style }: { style: LineStyle }) {
  return (
    <svg className="map-legend-line" width="24" height="8" viewBox="0 0 24 8" aria-hidden="true">
      <line
        x1="1"
        y1="4"
        x2="23"
        y2="4"
        stroke={LINE_COLOR[style]}
        strokeWidth={LEGEND_LINE_WIDTH}
        strokeOpacity="0.85"
        strokeDasharray={legendDash(style)}
      />
    </svg>
  );
}

/**
 * Where the okres shapes come from, and in one short line the kraje that are not divided (an okres
 * of theirs has no located municipality), with the kraje and those okresy in its tooltip: the note
 * stays one line, however few municipalities the registry has (walkthrough 28 finding 3).
 */
function DistrictsNote({
  answer,
  loading,
  undivided,
}: {
  answer: DerivedDistricts | null | undefined;
  loading: boolean;
  /** The names of the kraje shown whole. */
  undivided: readonly string[];
}) {
  const { t, tn } = useI18n();
  if (loading || !answer)
    return loading ? <span data-testid="map-districts-loading">{t('common.loading')}</span> : null;
  if (answer.seeds === 0)
    return (
      <span className="map-missing" data-testid="map-districts-none">
        {t('map.districtsNone')}
      </span>
    );
  const details =
    undivided.length === 0
      ? ''
      : t('map.undivided.details', {
          kraje: [...undivided].sort(compareCzech).join(', '),
          okresy: answer.unlocated
            .map((d) => d.name)
            .sort(compareCzech)
            .join(', '),
        });
  return (
    <>
      {undivided.length > 0 && (
        // One line; the kraje and okresy open above it on demand, over the map only while asked for.
        <details className="map-undivided" data-testid="map-districts-unlocated">
          <summary title={details}>
            <i className="shade undivided" /> {tn('map.undivided', undivided.length)}{' '}
            <span className="map-undivided-show">{t('map.undivided.show')}</span>
          </summary>
          <p className="map-undivided-list" data-testid="map-districts-unlocated-list">
            {details}
          </p>
        </details>
      )}
      <span className="map-attribution" data-testid="map-districts-source">
        {t('map.districtsSource', { count: answer.seeds })}
      </span>
    </>
  );
}
