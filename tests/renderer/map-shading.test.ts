import { describe, expect, it } from 'vitest';
import type { Boundaries, RegionGeometry } from '../../shared/domain/statistics/boundaries';
import { shadeOpacity, shadedShapes } from '../../renderer/features/map/map-shading';

const square = (x: number, y: number): RegionGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x, y + 1],
      [x + 1, y + 1],
      [x + 1, y],
      [x, y],
    ],
  ],
});

const kraje: Boundaries = {
  fileName: 'kraje',
  regions: [
    { code: 'CZ072', name: 'Zlínský kraj', geometry: square(17, 49) },
    { code: 'CZ042', name: 'Ústecký kraj', geometry: square(13, 50) },
    { code: 'CZ010', name: 'Hlavní město Praha', geometry: square(14, 50) },
  ],
};
const regionCounts = new Map([
  ['CZ072', 10],
  ['CZ042', 40],
]);
const districtCounts = new Map([
  ['CZ0724', 6],
  ['CZ0721', 4],
]);
// Only Zlínský kraj has a located municipality in each of its okresy (walkthrough 28 finding 3).
const districts = [
  { code: 'CZ0724', name: 'Zlín', regionCode: 'CZ072', geometry: square(17, 49) },
  { code: 'CZ0721', name: 'Kroměříž', regionCode: 'CZ072', geometry: square(17.5, 49) },
];

describe('map shading: okresy where a kraj can be divided, the kraj elsewhere', () => {
  it('with okresy, a kraj that cannot be divided keeps its kraj shading, marked as undivided', () => {
    const shapes = shadedShapes({ kraje, districts, regionCounts, districtCounts });
    expect(
      shapes.map(({ code, count, opacity, level, undivided }) => ({ code, count, opacity, level, undivided })),
    ).toEqual([
      // The kraje not divided: as the kraje view shades them (their count against the busiest kraj).
      { code: 'CZ042', count: 40, opacity: shadeOpacity(40, 40), level: 'region', undivided: true },
      { code: 'CZ010', count: 0, opacity: shadeOpacity(0, 40), level: 'region', undivided: true },
      // The okresy of the divided kraj: against the busiest okres; the kraj itself is not drawn under them.
      { code: 'CZ0724', count: 6, opacity: shadeOpacity(6, 6), level: 'district', undivided: false },
      { code: 'CZ0721', count: 4, opacity: shadeOpacity(4, 6), level: 'district', undivided: false },
    ]);
    const kraj = shapes.find((shape) => shape.code === 'CZ042');
    expect(kraj?.geometry).toEqual(kraje.regions[1]?.geometry);
    expect(kraj?.opacity).toBeCloseTo(0.9);
  });

  it('the kraje view shades every kraj, none marked', () => {
    const shapes = shadedShapes({ kraje, districts: null, regionCounts, districtCounts });
    expect(shapes.map((s) => [s.code, s.level, s.undivided, s.opacity])).toEqual([
      ['CZ072', 'region', false, shadeOpacity(10, 40)],
      ['CZ042', 'region', false, shadeOpacity(40, 40)],
      ['CZ010', 'region', false, shadeOpacity(0, 40)],
    ]);
  });

  it('with every kraj divided, no kraj is drawn whole; with none, every kraj is', () => {
    const all = [
      ...districts,
      { code: 'CZ0421', name: 'Děčín', regionCode: 'CZ042', geometry: square(13, 50) },
      { code: 'CZ0100', name: 'Praha', regionCode: 'CZ010', geometry: square(14, 50) },
    ];
    expect(shadedShapes({ kraje, districts: all, regionCounts, districtCounts }).some((s) => s.undivided)).toBe(false);
    expect(shadedShapes({ kraje, districts: [], regionCounts, districtCounts }).map((s) => s.code)).toEqual([
      'CZ072',
      'CZ042',
      'CZ010',
    ]);
  });
});
