import { compareCzech } from '../../../shared/domain/text';
import type { FocusEvent, KeyboardEvent } from 'react';
import type { GeoProjection } from 'd3-geo';
import type { PartnershipStatus } from '../../../shared/domain/codes';
import { countryLabel } from '../../../shared/domain/statistics/tables';
import type { OutputOf } from '../../../shared/ipc/contract';
import { openLink, partnershipsLink } from '../../lib/deep-links';
import { useI18n } from '../../lib/i18n';
import { bubbleRadius, placeBubbles } from './map-bubbles';
import { MAP_HEIGHT, MAP_WIDTH, shapePath, type countryShapes } from './map-geometry';
import type { ShadedShape } from './map-shading';

// The layers of the map's SVG, bottom to top: each shows its tooltip through `show`, and a click opens the Partnerships grid.

export type MapData = OutputOf<'map:data'>;
/** Shows the tooltip at a point of the screen (the pointer, or the middle of a focused shape). */
export type ShowTooltip = (at: { clientX: number; clientY: number }, title: string, lines: string[]) => void;

/**
 * What makes a shape of the map usable from the keyboard: Tab reaches it, its tooltip shows while
 * it has the focus, Enter or Space does what a click does. A screen reader reads `name` (the
 * tooltip without its "click to…" line: the role says that it can be pressed).
 */
export function keyboardShape(
  show: ShowTooltip,
  hide: () => void,
  name: string,
  [title, lines]: [title: string, lines: string[]],
  run: () => void,
) {
  return {
    tabIndex: 0,
    role: 'button',
    'aria-label': name,
    onFocus: (event: FocusEvent<SVGElement>) => {
      const box = event.currentTarget.getBoundingClientRect();
      show({ clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }, title, lines);
    },
    onBlur: hide,
    onKeyDown: (event: KeyboardEvent<SVGElement>) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      run();
    },
  };
}

export const MEMBER_R = 3.6;
export const TOWN_R = 3.2;

/** A town's name as the user reads it: the Czech exonym first where there is one. */
export function useTownName() {
  const { language } = useI18n();
  return (town: { name: string; nameCs: string | null }) =>
    language === 'cs' && town.nameCs && town.nameCs !== town.name ? `${town.nameCs} (${town.name})` : town.name;
}

/** Europe's countries; a partner country is highlighted and opens its partnerships. */
export function CountriesLayer({
  shapes,
  partnerCountries,
  show,
  hide,
  membership,
}: {
  shapes: ReturnType<typeof countryShapes>;
  partnerCountries: ReadonlySet<string>;
  show: ShowTooltip;
  hide: () => void;
  /** The map's membership filter, which its links keep. */
  membership?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <g className="map-countries">
      {/* In the order of their names: Tab goes through them as a list is read (it went Z to A). */}
      {[...shapes]
        .sort((a, b) =>
          compareCzech(
            a.iso2 ? countryLabel(a.iso2, i18n.language) : a.name,
            b.iso2 ? countryLabel(b.iso2, i18n.language) : b.name,
          ),
        )
        .map((shape) => {
          const partner = shape.iso2 !== null && partnerCountries.has(shape.iso2);
          const iso2 = shape.iso2;
          const label = iso2 ? countryLabel(iso2, i18n.language) : shape.name;
          if (!partner || !iso2) return <path key={shape.key} d={shape.d} className="map-country" />;
          const open = () => openLink(partnershipsLink({ country: iso2 }, membership));
          return (
            <path
              key={shape.key}
              d={shape.d}
              className="map-country partner"
              data-testid={`map-country-${iso2}`}
              onMouseMove={(e) => show(e, label, [t('map.tooltip.click')])}
              onClick={open}
              {...keyboardShape(show, hide, label, [label, [t('map.tooltip.click')]], open)}
            />
          );
        })}
    </g>
  );
}

const UNDIVIDED_CLIP = 'map-undivided-clip';
/** Diagonal lines 7 map units apart over the whole map (cut to the undivided kraje). */
const HATCH_PATH = Array.from({ length: Math.ceil((MAP_WIDTH + MAP_HEIGHT) / 7) }, (_, index) => {
  const x = index * 7;
  return `M${String(x)},0L${String(x - MAP_HEIGHT)},${String(MAP_HEIGHT)}`;
}).join('');

/**
 * The shaded shapes (`shadedShapes`): kraje (shipped or loaded), or okresy derived from the
 * municipalities' positions with the kraje that could not be divided shown whole (marked, and said
 * so in their tooltip). A click narrows the map to the kraj (`onRegion`) or the okres (`onDistrict`).
 */
export function ChoroplethLayer({
  shapes,
  projection,
  level,
  show,
  hide,
  onRegion,
  onDistrict,
}: {
  shapes: readonly ShadedShape[];
  projection: GeoProjection;
  /** Kraje (shipped or loaded) or okresy (derived). */
  level: 'region' | 'district';
  show: ShowTooltip;
  hide: () => void;
  onRegion: (code: string) => void;
  onDistrict: (code: string) => void;
}) {
  const { t } = useI18n();
  const undivided = shapes.flatMap((shape) => {
    const d = shape.undivided ? shapePath(projection, shape.geometry) : null;
    return d ? [{ code: shape.code, d }] : [];
  });
  return (
    <g className="map-choropleth" data-testid="map-choropleth" data-level={level}>
      {[...shapes]
        .sort((a, b) => compareCzech(a.name, b.name))
        .map((shape) => {
          const d = shapePath(projection, shape.geometry);
          if (!d) return null;
          const partnerships = t('map.tooltip.partnerships', { count: shape.count });
          const clickHint = t(shape.level === 'district' ? 'map.tooltip.clickDistrict' : 'map.tooltip.clickRegion');
          const lines = shape.undivided
            ? [partnerships, t('map.tooltip.undivided'), clickHint]
            : [partnerships, clickHint];
          const open = () => (shape.level === 'district' ? onDistrict : onRegion)(shape.code);
          return (
            <path
              key={`${shape.level} ${shape.code}`}
              d={d}
              className={shape.undivided ? 'map-region undivided' : 'map-region'}
              data-testid="map-region"
              data-code={shape.code}
              data-count={shape.count}
              data-undivided={shape.undivided ? '' : undefined}
              fillOpacity={shape.opacity}
              onMouseMove={(e) => show(e, shape.name, lines)}
              onClick={open}
              {...keyboardShape(
                show,
                hide,
                `${shape.name}. ${lines.slice(0, -1).join('. ')}`,
                [shape.name, lines],
                open,
              )}
            />
          );
        })}
      {undivided.length > 0 && (
        // The kraje shown whole are hatched: a path of diagonal lines over the map, cut to them.
        <>
          <defs>
            <clipPath id={UNDIVIDED_CLIP}>
              {undivided.map(({ code, d }) => (
                <path key={code} d={d} />
              ))}
            </clipPath>
          </defs>
          <path
            d={HATCH_PATH}
            clipPath={`url(#${UNDIVIDED_CLIP})`}
            className="map-undivided-hatch"
            data-testid="map-undivided-hatch"
          />
        </>
      )}
    </g>
  );
}

/** The partnerships as lines, one SVG path per status (a small map). */
export function LinksLayer({ paths }: { paths: readonly { status: PartnershipStatus; d: string }[] }) {
  return (
    <g className="map-links" data-testid="map-links">
      {paths.map(({ status, d }) => (
        <path key={status} d={d} className={`map-link ${status}`} data-status={status} />
      ))}
    </g>
  );
}

/**
 * The overview of a dense map: one line per kraj and partner country, from the kraj's centre to
 * where its partner towns in that country lie, as wide as its partnerships are many (by area, so
 * a flow of 100 is ten times as wide as one of 1, less the 1 px every line has). A click opens those partnerships.
 */
export function FlowsLayer({
  flows,
  project,
  show,
  hide,
  membership,
}: {
  flows: MapData['flows'];
  project: (lon: number, lat: number) => [number, number] | null;
  show: ShowTooltip;
  hide: () => void;
  membership?: string;
}) {
  const { t, language } = useI18n();
  const most = Math.max(1, ...flows.map((flow) => flow.partnerships));
  return (
    <g className="map-flows" data-testid="map-flows">
      {flows.map((flow) => {
        const from = project(flow.fromLongitude, flow.fromLatitude);
        const to = project(flow.toLongitude, flow.toLatitude);
        if (!from || !to) return null;
        // A gentle arc (bent to the left of the way), so flows to one country do not overlap.
        const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
        const bend = 0.15;
        const control = [(from[0] + to[0]) / 2 - dy * bend, (from[1] + to[1]) / 2 + dx * bend];
        const width = 1 + 9 * Math.sqrt(flow.partnerships / most);
        const country = countryLabel(flow.countryCode, language);
        const title = `${flow.regionName} → ${country}`;
        const partnerships = t('map.tooltip.partnerships', { count: flow.partnerships });
        const lines = [partnerships, t('map.tooltip.clickFlow')];
        const open = () =>
          openLink(partnershipsLink({ region: flow.regionCode, country: flow.countryCode }, membership));
        return (
          <path
            key={`${flow.regionCode} ${flow.countryCode}`}
            d={`M${from.join(',')}Q${control.join(',')} ${to.join(',')}`}
            className="map-flow"
            strokeWidth={width}
            data-testid="map-flow"
            data-region={flow.regionCode}
            data-country={flow.countryCode}
            data-count={flow.partnerships}
            onMouseMove={(e) => show(e, title, lines)}
            onClick={open}
            {...keyboardShape(show, hide, `${title}. ${partnerships}`, [title, lines], open)}
          />
        );
      })}
    </g>
  );
}

type Point = { id: number; name: string; longitude: number; latitude: number };

/** What a layer of places takes: the map's data, the projection of a place, the tooltip. */
type PlacesProps = {
  data: MapData;
  project: (lon: number, lat: number) => [number, number] | null;
  show: ShowTooltip;
  /** The map's membership filter, which its links keep. */
  membership?: string;
};

/**
 * Places as circles (a small map): each shows its tooltip and a click opens its partnerships;
 * a place the projection cannot show is left out.
 */
function PointsLayer<P extends Point>({
  points,
  project,
  show,
  layerClass,
  pointClass,
  r,
  testId,
  withId,
  tooltip,
  link,
}: {
  points: readonly P[];
  project: (lon: number, lat: number) => [number, number] | null;
  show: ShowTooltip;
  layerClass: string;
  pointClass: string;
  r: number;
  testId: string;
  /** Puts the record's id on its circle (`data-id`). */
  withId?: boolean;
  tooltip: (point: P) => [title: string, lines: string[]];
  link: (point: P) => string;
}) {
  return (
    <g className={layerClass}>
      {points.map((point) => {
        const p = project(point.longitude, point.latitude);
        if (!p) return null;
        return (
          <circle
            key={point.id}
            cx={p[0]}
            cy={p[1]}
            r={r}
            className={pointClass}
            data-testid={testId}
            data-id={withId ? point.id : undefined}
            data-name={point.name}
            onMouseMove={(e) => show(e, ...tooltip(point))}
            onClick={() => openLink(link(point))}
          />
        );
      })}
    </g>
  );
}

/** Partner towns as circles (a small map). */
export function TownsLayer({ data, project, show, membership }: PlacesProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const townName = useTownName();
  return (
    <PointsLayer
      points={data.towns}
      project={project}
      show={show}
      layerClass="map-towns"
      pointClass="map-town"
      r={TOWN_R}
      testId="map-town"
      tooltip={(town) => [
        townName(town),
        [countryLabel(town.countryCode, i18n.language), t('map.tooltip.partnerships', { count: town.partnerships })],
      ]}
      link={(town) => partnershipsLink({ country: town.countryCode }, membership)}
    />
  );
}

/** Member municipalities as circles (a small map). */
export function MembersLayer({ data, project, show }: PlacesProps) {
  const { t } = useI18n();
  return (
    <PointsLayer
      points={data.members}
      project={project}
      show={show}
      layerClass="map-members"
      pointClass="map-member"
      r={MEMBER_R}
      testId="map-member"
      withId
      tooltip={(m) => [m.name, [t('map.tooltip.partnerships', { count: m.partnerships }), t('map.tooltip.click')]]}
      link={(m) => partnershipsLink({ municipality: m.id })}
    />
  );
}

/** Regions as bubbles sized by their partnerships; a click narrows the map to the region. */
export function BubblesLayer({
  data,
  project,
  maxRegion,
  zoomFactor,
  show,
  onRegion,
}: PlacesProps & { maxRegion: number; zoomFactor: number; onRegion: (code: string) => void }) {
  const { t, formatNumber } = useI18n();
  const names = new Map(data.regions.map((region) => [region.code, region]));
  const bubbles = placeBubbles(
    data.regions.flatMap((region) => {
      const p = project(region.longitude, region.latitude);
      if (!p) return [];
      const r = bubbleRadius(region.partnerships, maxRegion, zoomFactor);
      return [{ code: region.code, x: p[0], y: p[1], r, label: formatNumber(region.partnerships) }];
    }),
  );
  return (
    <g className="map-bubbles" data-testid="map-bubble-layer">
      {/* The bubbles first, then every number, so that no bubble covers a number. */}
      {bubbles.map((bubble) => {
        const region = names.get(bubble.code);
        if (!region) return null;
        return (
          <circle
            key={bubble.code}
            cx={bubble.x}
            cy={bubble.y}
            r={bubble.r}
            className="map-bubble"
            data-testid="map-bubble"
            data-code={bubble.code}
            onMouseMove={(e) =>
              show(e, region.name, [
                t('map.tooltip.partnerships', { count: region.partnerships }),
                t('map.tooltip.clickRegion'),
              ])
            }
            onClick={() => onRegion(region.code)}
          />
        );
      })}
      {bubbles.map((bubble) => (
        <text
          key={bubble.code}
          x={bubble.labelX}
          y={bubble.labelY + 4}
          className={bubble.inside ? 'map-bubble-label' : 'map-bubble-label outside'}
          data-testid="map-bubble-label"
          data-code={bubble.code}
        >
          {bubble.label}
        </text>
      ))}
    </g>
  );
}
