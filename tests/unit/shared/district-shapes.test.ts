import { geoArea, geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { Boundaries, RegionGeometry } from '../../../shared/domain/statistics/boundaries';
import { deriveDistrictShapes, type DistrictSeed } from '../../../shared/domain/statistics/district-shapes';

/** A lon/lat box as the map's GeoJSON winds it (clockwise seen from above, like the shipped kraje). */
const box = (west: number, south: number, east: number, north: number): RegionGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west, north],
      [east, north],
      [east, south],
      [west, south],
    ],
  ],
});

const kraje: Boundaries = {
  fileName: 'test',
  regions: [
    { code: 'CZ031', name: 'Jihočeský kraj', geometry: box(14, 49, 15, 50) },
    { code: 'CZ010', name: 'Hlavní město Praha', geometry: box(14.3, 50.0, 14.6, 50.15) },
    { code: 'CZ063', name: 'Kraj Vysočina', geometry: box(15, 49, 16, 50) },
  ],
};
const units = [
  { code: 'CZ0311', name: 'Západ', regionCode: 'CZ031' },
  { code: 'CZ0312', name: 'Východ', regionCode: 'CZ031' },
  { code: 'CZ0100', name: 'Praha', regionCode: 'CZ010' },
  { code: 'CZ0631', name: 'Havlíčkův Brod', regionCode: 'CZ063' },
  { code: 'CZ0632', name: 'Jihlava', regionCode: 'CZ063' },
];
/** Western okres: three places at 14.2; eastern: two at 14.8 (and one at the same point twice). */
const seeds: DistrictSeed[] = [
  { districtCode: 'CZ0311', longitude: 14.2, latitude: 49.2 },
  { districtCode: 'CZ0311', longitude: 14.2, latitude: 49.5 },
  { districtCode: 'CZ0311', longitude: 14.2, latitude: 49.8 },
  { districtCode: 'CZ0312', longitude: 14.8, latitude: 49.3 },
  { districtCode: 'CZ0312', longitude: 14.8, latitude: 49.7 },
  { districtCode: 'CZ0312', longitude: 14.8, latitude: 49.7 },
  { districtCode: 'CZ0100', longitude: 14.42, latitude: 50.08 },
  // Vysočina: only Jihlava has a located municipality.
  { districtCode: 'CZ0632', longitude: 15.6, latitude: 49.4 },
];
const feature = (geometry: RegionGeometry) => ({ type: 'Feature' as const, properties: {}, geometry });

describe('approximate okres shapes (issue 13 item 10)', () => {
  const derived = deriveDistrictShapes(kraje, units, seeds);
  const shape = (code: string) => derived.districts.find((d) => d.code === code)?.geometry;

  it('divides a kraj between its okresy: together they cover the kraj exactly, each holds its own places', () => {
    const west = shape('CZ0311');
    const east = shape('CZ0312');
    if (!west || !east) throw new Error('a shape is missing');
    const whole = geoArea(feature(box(14, 49, 15, 50)));
    // Areas on the sphere: a ring wound the wrong way would count the rest of the globe (about 4π).
    expect(geoArea(feature(west)) + geoArea(feature(east))).toBeCloseTo(whole, 6);
    expect(geoArea(feature(west))).toBeLessThan(whole);
    for (const seed of seeds.filter((s) => s.districtCode === 'CZ0311'))
      expect(geoContains(west, [seed.longitude, seed.latitude])).toBe(true);
    for (const seed of seeds.filter((s) => s.districtCode === 'CZ0312'))
      expect(geoContains(east, [seed.longitude, seed.latitude])).toBe(true);
    // The line between them runs between the two columns of places (14.2° E and 14.8° E).
    expect(geoContains(west, [14.35, 49.5])).toBe(true);
    expect(geoContains(east, [14.65, 49.5])).toBe(true);
  });

  it('gives a kraj of one okres its own outline', () => {
    expect(shape('CZ0100')).toEqual(kraje.regions[1]?.geometry);
  });

  it('leaves a kraj whole when one of its okresy has no located municipality, and names that okres', () => {
    expect(shape('CZ0631')).toBeUndefined();
    expect(shape('CZ0632')).toBeUndefined();
    expect(derived.unlocated).toEqual([{ code: 'CZ0631', name: 'Havlíčkův Brod' }]);
  });

  it('counts the positions it used (those of divided kraje and single-okres kraje)', () => {
    expect(derived.seeds).toBe(7);
    expect(deriveDistrictShapes(kraje, units, []).districts).toEqual([]);
  });
});
