import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { regionGeometrySchema, type Boundaries } from './boundaries';

/** The name the legend gives the shipped boundaries (not a file the user chose). */
export const BUILTIN_BOUNDARIES = 'builtin';

type KrajeTopology = Topology<{ kraje: GeometryCollection<{ name: string }> }>;

/**
 * The 14 kraje of `resources/boundaries/cz-kraje.topo.json` (written by
 * scripts/build-boundaries.mjs), keyed by their NUTS 3 codes.
 */
export function krajeFromTopology(json: unknown): Boundaries {
  const topology = json as KrajeTopology;
  const collection = feature(topology, topology.objects.kraje);
  const regions = collection.features.flatMap((f) => {
    const geometry = regionGeometrySchema.safeParse(f.geometry);
    return typeof f.id === 'string' && geometry.success
      ? [{ code: f.id, name: f.properties.name, geometry: geometry.data }]
      : [];
  });
  return { fileName: BUILTIN_BOUNDARIES, regions };
}
