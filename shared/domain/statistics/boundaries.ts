import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position);
export const regionGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
]);
export type RegionGeometry = z.infer<typeof regionGeometrySchema>;

export const boundariesSchema = z.object({
  fileName: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string(), geometry: regionGeometrySchema })),
});
export type Boundaries = z.infer<typeof boundariesSchema>;

/** Why a boundary file cannot be used (an i18n key of the statistics catalog). */
export class BoundaryFileError extends Error {}

const REGION_CODE = /^CZ0\d{2}$/;
const NAME_KEYS = ['NAZ_CZNUTS3', 'name', 'NAME', 'nazev', 'NAZEV', 'NUTS_NAME'];

type LooseFeature = { properties?: unknown; geometry?: unknown; id?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Rounds to ~100 m and drops repeated points: a region file shrinks ten times, the map looks the same. */
const simplifyRing = (points: [number, number][]): [number, number][] => {
  const out: [number, number][] = [];
  for (const [x, y] of points) {
    const p: [number, number] = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
};

const simplify = (geometry: RegionGeometry): RegionGeometry =>
  geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(simplifyRing) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(simplifyRing)) };

/**
 * Regions from the text of a GeoJSON FeatureCollection or a TopoJSON Topology: each feature whose
 * id or a property holds a NUTS3 region code (`CZ041`). Throws `BoundaryFileError` with a message
 * key when the text is not such a file.
 */
export function parseRegionBoundaries(text: string, fileName: string): Boundaries {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BoundaryFileError('stats.boundaries.notJson');
  }
  let features: LooseFeature[] = [];
  if (isRecord(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) {
    features = json.features.filter(isRecord);
  } else if (isRecord(json) && json.type === 'Topology' && isRecord(json.objects)) {
    const topology = json as unknown as Topology;
    for (const object of Object.values(topology.objects)) {
      if (object.type !== 'GeometryCollection') continue;
      const collection = feature(topology, object as GeometryCollection);
      features.push(...collection.features);
    }
  } else {
    throw new BoundaryFileError('stats.boundaries.notGeo');
  }
  const regions: Boundaries['regions'] = [];
  for (const f of features) {
    const properties = isRecord(f.properties) ? f.properties : {};
    const code = [f.id, ...Object.values(properties)].find(
      (value): value is string => typeof value === 'string' && REGION_CODE.test(value),
    );
    const geometry = regionGeometrySchema.safeParse(f.geometry);
    if (code === undefined || !geometry.success) continue;
    const nameKey = NAME_KEYS.find((key) => typeof properties[key] === 'string');
    const name = nameKey === undefined ? code : String(properties[nameKey]);
    regions.push({ code, name, geometry: simplify(geometry.data) });
  }
  if (regions.length === 0) throw new BoundaryFileError('stats.boundaries.noRegions');
  return { fileName, regions };
}
