import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geoBounds } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { BUILTIN_BOUNDARIES, loadBuiltinBoundaries } from '../../renderer/features/map/builtin-boundaries';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

describe('the region boundaries shipped with the app', () => {
  it('has a shape for every kraj of the registry, under its NUTS 3 code, inside Czechia', async () => {
    const registry = read('resources/demo/regions.json') as { code: string; name: string }[];
    const boundaries = await loadBuiltinBoundaries();
    expect(boundaries.fileName).toBe(BUILTIN_BOUNDARIES);
    expect(boundaries.regions.map((r) => r.code).sort()).toEqual(registry.map((r) => r.code).sort());
    for (const kraj of registry) {
      const region = boundaries.regions.find((r) => r.code === kraj.code);
      expect(region?.name).toBe(kraj.name);
      if (!region) continue;
      const [[west, south], [east, north]] = geoBounds({ type: 'Feature', properties: {}, geometry: region.geometry });
      expect(west).toBeGreaterThan(12);
      expect(east).toBeLessThan(19);
      expect(south).toBeGreaterThan(48.5);
      expect(north).toBeLessThan(51.1);
      expect(east - west).toBeGreaterThan(0.2);
    }
  });

  it('is small enough to ship (a simplified TopoJSON)', () => {
    const text = readFileSync(path.join(ROOT, 'resources/boundaries/cz-kraje.topo.json'), 'utf8');
    expect(text.length).toBeLessThan(300_000);
    expect((read('resources/boundaries/cz-kraje.topo.json') as { type: string }).type).toBe('Topology');
  });
});
