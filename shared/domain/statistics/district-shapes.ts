import { Delaunay } from 'd3-delaunay';
import * as polygonClipping from 'polygon-clipping';
import type { MultiPolygon, Polygon } from 'polygon-clipping';
import { z } from 'zod';
import { regionGeometrySchema, type Boundaries, type RegionGeometry } from './boundaries';

/** A municipality's position and the okres it lies in (LAU 1 code, `CZ0412`). */
export type DistrictSeed = { longitude: number; latitude: number; districtCode: string };
/** An okres of the registry and the kraj (NUTS 3 code) it belongs to. */
export type DistrictUnit = { code: string; name: string; regionCode: string };

export const derivedDistrictsSchema = z.object({
  /** One approximate shape per okres whose kraj could be divided. */
  districts: z.array(
    z.object({ code: z.string(), name: z.string(), regionCode: z.string(), geometry: regionGeometrySchema }),
  ),
  /** Okresy with no municipality position in the registry: their kraj is not divided. */
  unlocated: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Municipality positions the shapes are derived from. */
  seeds: z.number().int().nonnegative(),
});
export type DerivedDistricts = z.infer<typeof derivedDistrictsSchema>;

// The package is CommonJS with one exported object: Node's ESM sees it as the default export,
// bundlers as named exports; its types declare only the named ones.
const clipping = (polygonClipping as unknown as { default?: typeof polygonClipping }).default ?? polygonClipping;

/** Degrees of longitude are this much shorter than degrees of latitude around 49.8° N (the Czech Republic's middle). */
const LON_SCALE = Math.cos((49.8 * Math.PI) / 180);

const toPlane = ([lon, lat]: [number, number]): [number, number] => [lon * LON_SCALE, lat];
const fromPlane = ([x, y]: [number, number]): [number, number] => [
  Math.round((x / LON_SCALE) * 10_000) / 10_000,
  Math.round(y * 10_000) / 10_000,
];

const polygonsOf = (geometry: RegionGeometry): Polygon[] =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((polygon) =>
    polygon.map((ring) => ring.map(toPlane)),
  );

/**
 * polygon-clipping winds outer rings counter-clockwise; the map (d3-geo, like the shipped TopoJSON)
 * reads a counter-clockwise ring as the whole globe but that polygon, so every ring is reversed.
 */
const geometryOf = (multi: MultiPolygon): RegionGeometry | null => {
  const polygons = multi.map((polygon) => polygon.map((ring) => ring.map(fromPlane).reverse()));
  if (polygons.length === 0) return null;
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
};

/**
 * Approximate okres boundaries, derived from where the registry's municipalities lie: inside each
 * kraj (its shipped boundary), every place belongs to the okres of the nearest municipality of that
 * kraj (a Voronoi division of the kraj by its municipalities, merged per okres). The outer line of
 * every kraj stays the kraj's own; only the lines between okresy of one kraj are approximate (they
 * run between neighbouring municipalities of different okresy). A kraj is divided only when each of
 * its okresy has at least one located municipality: otherwise the okres without one would vanish
 * into its neighbours, so the kraj is left whole and its okresy are listed as `unlocated`.
 */
export function deriveDistrictShapes(
  kraje: Boundaries,
  units: readonly DistrictUnit[],
  seeds: readonly DistrictSeed[],
): DerivedDistricts {
  const byRegion = new Map<string, DistrictUnit[]>();
  for (const unit of units) byRegion.set(unit.regionCode, [...(byRegion.get(unit.regionCode) ?? []), unit]);
  const seedsByDistrict = new Map<string, DistrictSeed[]>();
  let used = 0;
  for (const seed of seeds) {
    if (!Number.isFinite(seed.longitude) || !Number.isFinite(seed.latitude)) continue;
    seedsByDistrict.set(seed.districtCode, [...(seedsByDistrict.get(seed.districtCode) ?? []), seed]);
  }
  const districts: DerivedDistricts['districts'] = [];
  const unlocated: DerivedDistricts['unlocated'] = [];
  for (const kraj of kraje.regions) {
    const members = (byRegion.get(kraj.code) ?? []).slice().sort((a, b) => a.code.localeCompare(b.code));
    if (members.length === 0) continue;
    const missing = members.filter((unit) => (seedsByDistrict.get(unit.code)?.length ?? 0) === 0);
    if (missing.length > 0) {
      unlocated.push(...missing.map(({ code, name }) => ({ code, name })));
      continue;
    }
    const outline = polygonsOf(kraj.geometry);
    if (members.length === 1 && members[0]) {
      districts.push({ ...members[0], geometry: kraj.geometry });
      used += seedsByDistrict.get(members[0].code)?.length ?? 0;
      continue;
    }
    // One point per position (two municipalities at the same point would leave one without a cell).
    const points: [number, number][] = [];
    const owners: string[] = [];
    const seen = new Set<string>();
    for (const unit of members) {
      for (const seed of seedsByDistrict.get(unit.code) ?? []) {
        const p = toPlane([seed.longitude, seed.latitude]);
        const key = `${String(p[0])} ${String(p[1])}`;
        used += 1;
        if (seen.has(key)) continue;
        seen.add(key);
        points.push(p);
        owners.push(unit.code);
      }
    }
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of [...outline.flat(2), ...points]) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    const voronoi = Delaunay.from(points).voronoi([x0 - 0.1, y0 - 0.1, x1 + 0.1, y1 + 0.1]);
    const cells = new Map<string, Polygon[]>();
    points.forEach((_, index) => {
      const cell = voronoi.cellPolygon(index) as [number, number][] | null;
      const owner = owners[index];
      if (!cell || owner === undefined) return;
      cells.set(owner, [...(cells.get(owner) ?? []), [cell]]);
    });
    for (const unit of members) {
      const own = cells.get(unit.code) ?? [];
      const [first, ...rest] = own;
      if (!first) continue;
      const area = clipping.intersection(clipping.union(first, ...rest), outline);
      const geometry = geometryOf(area);
      if (geometry) districts.push({ ...unit, geometry });
    }
  }
  return { districts, unlocated, seeds: used };
}
