import { describe, expect, it } from 'vitest';
import {
  countryShapes,
  europeProjection,
  linksPath,
  nearestPoint,
  pointIndex,
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
});
