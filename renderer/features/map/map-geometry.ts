import { geoAzimuthalEqualArea, geoDistance, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';
import { yieldToBrowser } from '../../lib/api';
import type { PartnershipStatus } from '../../../shared/domain/codes';
import { LINE_DASH, lineStyleOf } from './map-legend';

/** The drawing's size in SVG units; the SVG scales to its box. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 640;

export type CountryShape = { key: string; iso2: string | null; name: string; d: string };

/** Europe from Portugal to the Urals, Lapland to Crete: what the map shows at zoom 1. */
const EUROPE: Feature = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'MultiPoint',
    coordinates: [
      [-10, 36],
      [32, 36],
      [-8, 60],
      [34, 62],
    ],
  },
};

/** An equal-area projection centred on central Europe, fitted to Europe and scaled by `zoom`. */
export function europeProjection(zoom = 1): GeoProjection {
  const projection = geoAzimuthalEqualArea().rotate([-14, -50]);
  projection.fitExtent(
    [
      [20, 20],
      [MAP_WIDTH - 20, MAP_HEIGHT - 20],
    ],
    EUROPE,
  );
  const [x, y] = projection.translate();
  const centre = projection([15.5, 49.8]) ?? [MAP_WIDTH / 2, MAP_HEIGHT / 2];
  // Zoom around Czechia: scale, then move Czechia back to where it was (or to the middle).
  projection.scale(projection.scale() * zoom);
  const target: [number, number] = zoom > 1 ? [MAP_WIDTH / 2, MAP_HEIGHT / 2] : centre;
  const moved = projection([15.5, 49.8]) ?? target;
  projection.translate([x + target[0] - moved[0], y + target[1] - moved[1]]);
  return projection;
}

type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let worldFeatures: FeatureCollection<Geometry, { name: string }> | null = null;
/** The world's countries (world-atlas, Natural Earth 1:50m), bundled: no network needed. */
function worldCountries(): FeatureCollection<Geometry, { name: string }> {
  // world-atlas ships plain JSON; its shape is the documented TopoJSON of countries.
  worldFeatures ??= feature(world as unknown as WorldTopology, (world as unknown as WorldTopology).objects.countries);
  return worldFeatures;
}

/** SVG paths of every country for a projection, with ISO 3166-1 alpha-2 codes (from the numeric ids). */
export function countryShapes(projection: GeoProjection): CountryShape[] {
  // The same projection (scale and position) gives the same shapes: kept across visits of the Map,
  // where projecting the 1:50m coastlines took a task of ~0.3 s each time.
  const key = projectionKey(projection);
  let shapes = shapesByProjection.get(key);
  if (shapes === undefined) {
    shapes = projectCountries(projection);
    keepShapes(key, shapes);
  }
  return shapes;
}

function keepShapes(key: string, shapes: CountryShape[]) {
  if (shapesByProjection.size >= 8) shapesByProjection.clear();
  shapesByProjection.set(key, shapes);
}

const shapesByProjection = new Map<string, CountryShape[]>();

const projectionKey = (projection: GeoProjection) =>
  `${String(projection.scale())} ${projection.translate().join(' ')} ${projection.rotate().join(' ')}`;

/** The countries for a projection if they were drawn before (no work now), else null. */
export const keptCountryShapes = (projection: GeoProjection): CountryShape[] | null =>
  shapesByProjection.get(projectionKey(projection)) ?? null;

/**
 * The countries for a projection, made in two tasks with a turn for the browser before each (the
 * world's TopoJSON read once, then the projection), so that opening the Map never waits for both
 * in one task.
 */
export async function countryShapesSoon(projection: GeoProjection): Promise<CountryShape[]> {
  const kept = keptCountryShapes(projection);
  if (kept) return kept;
  if (worldFeatures === null) {
    await yieldToBrowser();
    worldCountries();
  }
  await yieldToBrowser();
  const shapes = await projectCountriesInSlices(projection);
  keepShapes(projectionKey(projection), shapes);
  return shapes;
}

/** Points of a country's outline closer than this to the last one drawn are left out (SVG units). */
const THIN = 0.8;

/**
 * A projected outline with its points thinned: a point within `THIN` of the last one kept is left
 * out (the first and last of each line are kept). The 1:50m coastlines have many points per pixel
 * at the map's scale; painting them was most of a ~0.25 s frame when the Map opened.
 */
function thinned(output: GeoStream): GeoStream {
  let lastX = NaN;
  let lastY = NaN;
  let pendingX = NaN;
  let pendingY = NaN;
  return {
    point(x, y) {
      if (Math.abs(x - lastX) < THIN && Math.abs(y - lastY) < THIN) {
        pendingX = x;
        pendingY = y;
        return;
      }
      output.point(x, y);
      lastX = x;
      lastY = y;
      pendingX = NaN;
    },
    lineStart() {
      lastX = NaN;
      lastY = NaN;
      pendingX = NaN;
      output.lineStart();
    },
    lineEnd() {
      if (!Number.isNaN(pendingX)) output.point(pendingX, pendingY);
      pendingX = NaN;
      output.lineEnd();
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  };
}

/** How far (degrees from the centre of the projection) the drawing's corners lie. */
function viewAngle(projection: GeoProjection): number {
  const centre = projection.invert?.([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
  const rotate = projection.rotate();
  const origin: [number, number] = [-rotate[0], -rotate[1]];
  let far = 0;
  for (const corner of [
    [0, 0],
    [MAP_WIDTH, 0],
    [0, MAP_HEIGHT],
    [MAP_WIDTH, MAP_HEIGHT],
  ] as [number, number][]) {
    const point = projection.invert?.(corner);
    if (!point || !centre) return 180;
    far = Math.max(far, geoDistance(point, origin));
  }
  return (far * 180) / Math.PI;
}

function projectCountries(projection: GeoProjection): CountryShape[] {
  const project = countryProjector(projection);
  return worldCountries().features.flatMap(project);
}

/** Projects the countries a few at a time, with a turn for the browser whenever a slice took 25 ms. */
async function projectCountriesInSlices(projection: GeoProjection): Promise<CountryShape[]> {
  const project = countryProjector(projection);
  const shapes: CountryShape[] = [];
  let sliceStart = performance.now();
  for (const [index, f] of worldCountries().features.entries()) {
    shapes.push(...project(f, index));
    if (performance.now() - sliceStart >= 25) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
  return shapes;
}

/** The function that draws one country for a projection (empty when it is out of sight). */
function countryProjector(projection: GeoProjection) {
  // Only what can be seen is drawn: the world is cut at a circle a little beyond the drawing's
  // corners (the Americas and most of Asia were 1.7 million characters of path nobody saw, and
  // most of the ~0.3 s of projecting them).
  const clipped = geoAzimuthalEqualArea()
    .rotate(projection.rotate())
    .scale(projection.scale())
    .translate(projection.translate())
    .clipAngle(Math.min(viewAngle(projection) + 10, 179));
  const path = geoPath({ stream: (output) => clipped.stream(thinned(output)) }).digits(1);
  return (f: Feature<Geometry, { name: string }>, index: number): CountryShape[] => {
    const d = path(f);
    if (d === null || d === '') return [];
    const numeric = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : '';
    return [
      {
        key: `${numeric}-${String(index)}`,
        iso2: countries.numericToAlpha2(numeric) ?? null,
        name: f.properties.name,
        d,
      },
    ];
  };
}

/** A great-circle line between two places, as an SVG path (null when off the map). */
export function linkPath(projection: GeoProjection, from: [number, number], to: [number, number]): string | null {
  return geoPath(projection)({ type: 'LineString', coordinates: [from, to] });
}

/** A GeoJSON geometry (e.g. a region of a loaded boundary file) as an SVG path. */
export function shapePath(projection: GeoProjection, geometry: Geometry): string | null {
  return geoPath(projection)(geometry);
}

/**
 * Many great-circle lines as ONE SVG path: 60,000 partnership lines stay one element for the
 * browser to draw instead of 60,000 (null when none is on the map).
 */
export function linksPath(
  projection: GeoProjection,
  links: readonly [[number, number], [number, number]][],
): string | null {
  if (links.length === 0) return null;
  return geoPath(projection)({ type: 'MultiLineString', coordinates: links.map(([from, to]) => [from, to]) });
}

/** Points in square cells, to find the one under the pointer without one element per point. */
export type PointIndex<T> = { cell: number; cells: Map<string, { x: number; y: number; item: T }[]> };

export function pointIndex<T>(points: readonly { x: number; y: number; item: T }[], cell = 8): PointIndex<T> {
  const cells = new Map<string, { x: number; y: number; item: T }[]>();
  for (const point of points) {
    const key = `${String(Math.floor(point.x / cell))}:${String(Math.floor(point.y / cell))}`;
    const list = cells.get(key);
    if (list) list.push(point);
    else cells.set(key, [point]);
  }
  return { cell, cells };
}

/** A place in degrees, as the map's answer gives members and partner towns. */
export type Place = { longitude: number; latitude: number };

/** The dense layer's points: positions per kind and the grid to find one (town i → i, member j → −j−1). */
export type DensePoints = {
  towns: [number, number][];
  members: [number, number][];
  index: PointIndex<number>;
};

/** The longest stretch of projecting points before the browser gets its turn, in ms. */
const PROJECT_SLICE_MS = 8;

/**
 * Projects a dense map's towns and members and files them in the pointer's grid, a few
 * milliseconds at a time: 100,000 points in one task froze the window for ~0.2 s at the Map's
 * first render. Each item is the place's position in its list (members negative), so that no
 * object is made per point. Answers null when `live()` turns false meanwhile (the map moved on).
 */
export async function projectDensePoints(
  projection: GeoProjection,
  towns: readonly Place[],
  members: readonly Place[],
  live: () => boolean = () => true,
  cell = 8,
): Promise<DensePoints | null> {
  const out: DensePoints = { towns: [], members: [], index: { cell, cells: new Map() } };
  const cells = out.index.cells;
  let sliceStart = performance.now();
  const file = async (places: readonly Place[], into: [number, number][], item: (i: number) => number) => {
    for (let i = 0; i < places.length; i += 1) {
      const place = places[i] as Place;
      const p = projection([place.longitude, place.latitude]);
      if (p) {
        into.push(p);
        const key = `${String(Math.floor(p[0] / cell))}:${String(Math.floor(p[1] / cell))}`;
        const point = { x: p[0], y: p[1], item: item(i) };
        const list = cells.get(key);
        if (list) list.push(point);
        else cells.set(key, [point]);
      }
      if ((i & 511) === 511 && performance.now() - sliceStart > PROJECT_SLICE_MS) {
        await yieldToBrowser();
        if (!live()) return false;
        sliceStart = performance.now();
      }
    }
    return true;
  };
  if (!(await file(towns, out.towns, (i) => i))) return null;
  if (!(await file(members, out.members, (j) => -j - 1))) return null;
  return out;
}

/** The point nearest to (x, y) within `radius` (at most one cell), or null. */
export function nearestPoint<T>(index: PointIndex<T>, x: number, y: number, radius: number): T | null {
  const cx = Math.floor(x / index.cell);
  const cy = Math.floor(y / index.cell);
  let best: { distance: number; item: T } | null = null;
  for (let dx = -1; dx <= 1; dx += 1)
    for (let dy = -1; dy <= 1; dy += 1)
      for (const point of index.cells.get(`${String(cx + dx)}:${String(cy + dy)}`) ?? []) {
        const distance = Math.hypot(point.x - x, point.y - y);
        if (distance <= radius && (best === null || distance < best.distance)) best = { distance, item: point.item };
      }
  return best?.item ?? null;
}

export type DenseLayer = {
  /** Lines per status: both ends in degrees. */
  links: { status: PartnershipStatus; ends: [[number, number], [number, number]][] }[];
  towns: readonly [number, number][];
  members: readonly [number, number][];
};

/** The longest stretch of drawing dots before the browser gets its turn, in ms. */
const DRAW_SLICE_MS = 12;

/** Colours of the dense layer: the same as the SVG map's classes in map.css. */
const DENSE_STYLE = {
  link: 'rgba(29, 95, 168, 0.35)',
  linkFaded: 'rgba(138, 150, 163, 0.6)',
  member: '#1d5fa8',
  town: '#e07b00',
} as const;

/**
 * Draws the lines and dots of a map of Europe's size (tens of thousands of each) into one bitmap
 * at twice the map's resolution, in the SVG's coordinates. As SVG elements (one per point or
 * line) the browser needs seconds to lay them out and paint them; a canvas draws them in a blink.
 * Answers an object URL of a PNG, or null when the browser cannot draw one.
 */
export async function renderDenseLayer(
  projection: GeoProjection,
  layer: DenseLayer,
  radius: { member: number; town: number },
): Promise<string | null> {
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = MAP_WIDTH * scale;
  canvas.height = MAP_HEIGHT * scale;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.scale(scale, scale);
  const path = geoPath(projection, context);
  context.lineWidth = 0.9;
  for (const { status, ends } of layer.links) {
    // The same styles as the SVG map and the legend (an unknown status dotted, not dashed).
    const style = lineStyleOf(status);
    context.strokeStyle = style === 'solid' ? DENSE_STYLE.link : DENSE_STYLE.linkFaded;
    context.setLineDash([...LINE_DASH[style]]);
    context.beginPath();
    path({ type: 'MultiLineString', coordinates: ends.map(([from, to]) => [from, to]) });
    context.stroke();
  }
  context.setLineDash([]);
  // Each dot is drawn once into a small sprite and then stamped: a path of 70,000 circles takes a
  // software renderer seconds to fill and stroke, 70,000 stamps a few tens of milliseconds.
  const dots = async (points: readonly [number, number][], r: number, fill: string, width: number) => {
    const size = Math.ceil((r + width) * 2 * scale) + 2;
    const sprite = document.createElement('canvas');
    sprite.width = size;
    sprite.height = size;
    const pen = sprite.getContext('2d');
    if (!pen) return;
    pen.scale(scale, scale);
    pen.beginPath();
    pen.arc(size / scale / 2, size / scale / 2, r, 0, 2 * Math.PI);
    pen.fillStyle = fill;
    pen.fill();
    pen.strokeStyle = '#ffffff';
    pen.lineWidth = width;
    pen.stroke();
    const half = size / scale / 2;
    // In slices of a few milliseconds: 70,000 stamps are ~0.3–0.6 s of a software renderer's time,
    // which in one task froze the window.
    let sliceStart = performance.now();
    for (let index = 0; index < points.length; index += 1) {
      const [x, y] = points[index] as [number, number];
      context.drawImage(sprite, x - half, y - half, size / scale, size / scale);
      if ((index & 255) === 255 && performance.now() - sliceStart > DRAW_SLICE_MS) {
        await yieldToBrowser();
        sliceStart = performance.now();
      }
    }
  };
  await dots(layer.towns, radius.town, DENSE_STYLE.town, 0.8);
  await dots(layer.members, radius.member, DENSE_STYLE.member, 1);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? URL.createObjectURL(blob) : null;
}
