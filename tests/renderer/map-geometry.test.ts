import { describe, expect, it } from 'vitest';
import {
  countryShapes,
  countryShapesSoon,
  europeProjection,
  keptCountryShapes,
  linksPath,
  nearestPoint,
  pointIndex,
  projectDensePoints,
} from '../../renderer/features/map/map-geometry';

describe('map geometry for a map of Europe’s size', () => {
  it('finds the point under the pointer: the nearest within the radius, also across cells', () => {
    const index = pointIndex(
      [
        { x: 10, y: 10, item: 'Tábor' },
        { x: 15, y: 10, item: 'Konstanz' },
        { x: 17, y: 17, item: 'Zittau' },
        { x: 400, y: 300, item: 'Wien' },
      ],
      8,
    );
    expect(nearestPoint(index, 11, 10, 6)).toBe('Tábor');
    expect(nearestPoint(index, 14, 11, 6)).toBe('Konstanz');
    expect(nearestPoint(index, 16.5, 16, 6)).toBe('Zittau'); // in the next cell
    expect(nearestPoint(index, 398, 303, 6)).toBe('Wien');
    expect(nearestPoint(index, 200, 200, 6)).toBeNull();
    expect(nearestPoint(index, 10, 30, 6)).toBeNull(); // Tábor is 20 away
  });

  it('draws many lines as one path with a segment per line', () => {
    const projection = europeProjection(1);
    const d = linksPath(projection, [
      [
        [14.66, 49.41],
        [9.17, 47.66],
      ],
      [
        [14.42, 50.09],
        [16.37, 48.21],
      ],
    ]);
    expect(d?.match(/M/g)).toHaveLength(2);
    expect(linksPath(projection, [])).toBeNull();
  });

  it('projects the countries once per projection: a second visit of the Map reuses the shapes', () => {
    const first = countryShapes(europeProjection(1));
    expect(first.find((shape) => shape.iso2 === 'CZ')?.d).toBeTruthy();
    // A new projection object with the same scale and position (the Map opened again).
    expect(countryShapes(europeProjection(1))).toBe(first);
    const zoomed = countryShapes(europeProjection(2));
    expect(zoomed).not.toBe(first);
    expect(zoomed.find((shape) => shape.iso2 === 'CZ')?.d).not.toBe(first.find((shape) => shape.iso2 === 'CZ')?.d);
  });

  it('draws only the part of the world the map can show (no Americas, no Australia)', async () => {
    const shapes = await countryShapesSoon(europeProjection(1));
    const codes = new Set(shapes.map((shape) => shape.iso2));
    for (const european of ['CZ', 'PT', 'IS', 'GR', 'FI', 'RU', 'TR']) expect(codes.has(european), european).toBe(true);
    for (const far of ['US', 'BR', 'AU', 'JP', 'ZA']) expect(codes.has(far), far).toBe(false);
    expect(shapes.length).toBeLessThan(120);
    // Zoomed in, still less.
    expect(countryShapes(europeProjection(4.2)).length).toBeLessThan(shapes.length);
    expect(keptCountryShapes(europeProjection(1))).toBe(shapes);
  });

  it('projects a dense map’s points in slices, each filed under its place in the answer', async () => {
    const europe = europeProjection(1);
    let calls = 0;
    // A projection that takes at least 20 µs a point: 2,048 points are ≥ 40 ms, so more than one slice.
    const slow = ((at: [number, number]) => {
      calls += 1;
      const until = performance.now() + 0.02;
      while (performance.now() < until);
      return europe(at);
    }) as unknown as typeof europe;
    const towns = Array.from({ length: 1_500 }, (_, i) => ({ longitude: -5 + (i % 40), latitude: 40 + (i % 20) }));
    const members = Array.from({ length: 548 }, (_, i) => ({
      longitude: 12.1 + (i % 60) / 10,
      latitude: 48.6 + (i % 20) / 10,
    }));
    let yields = 0;
    const points = await projectDensePoints(slow, towns, members, () => {
      yields += 1;
      return true;
    });
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(calls).toBe(towns.length + members.length);
    expect(points?.towns).toHaveLength(1_500);
    expect(points?.members).toHaveLength(548);
    // Each point is found where its place projects, as its index in the answer (members negative).
    const [tx, ty] = europe([towns[7]!.longitude, towns[7]!.latitude])!;
    expect(nearestPoint(points!.index, tx, ty, 0.01)).toBe(7);
    const [mx, my] = europe([members[3]!.longitude, members[3]!.latitude])!;
    expect(nearestPoint(points!.index, mx, my, 0.01)).toBe(-4);

    // The map moved on (another answer or zoom) while projecting: nothing is answered.
    const stopped = await projectDensePoints(slow, towns, members, () => false);
    expect(stopped).toBeNull();
  });
});
