import { geoAzimuthalEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';

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
  const path = geoPath(projection);
  return worldCountries().features.flatMap((f, index) => {
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
  });
}

/** A great-circle line between two places, as an SVG path (null when off the map). */
export function linkPath(projection: GeoProjection, from: [number, number], to: [number, number]): string | null {
  return geoPath(projection)({ type: 'LineString', coordinates: [from, to] });
}

/** A GeoJSON geometry (e.g. a region of a loaded boundary file) as an SVG path. */
export function shapePath(projection: GeoProjection, geometry: Geometry): string | null {
  return geoPath(projection)(geometry);
}
