import { describe, expect, it } from 'vitest';
import { bubbleRadius, labelBox, placeBubbles, type Bubble } from '../../renderer/features/map/map-bubbles';
import { europeProjection } from '../../renderer/features/map/map-geometry';

/**
 * The kraje of the real registry (walkthrough 28 finding 5b): each kraj's centre is the mean
 * position of its municipalities, so Středočeský kraj's (around Prague) lies 10 km from Praha's.
 */
const REAL_KRAJE: { code: string; latitude: number; longitude: number; partnerships: number }[] = [
  { code: 'CZ010', latitude: 50.0756, longitude: 14.4379, partnerships: 14 },
  { code: 'CZ020', latitude: 50.0329, longitude: 14.5592, partnerships: 75 },
  { code: 'CZ031', latitude: 49.1651, longitude: 14.4197, partnerships: 83 },
  { code: 'CZ032', latitude: 49.6228, longitude: 13.3032, partnerships: 69 },
  { code: 'CZ041', latitude: 50.1804, longitude: 12.7117, partnerships: 38 },
  { code: 'CZ042', latitude: 50.52, longitude: 13.9141, partnerships: 61 },
  { code: 'CZ051', latitude: 50.6803, longitude: 15.0466, partnerships: 45 },
  { code: 'CZ052', latitude: 50.3534, longitude: 15.8129, partnerships: 73 },
  { code: 'CZ053', latitude: 49.9148, longitude: 16.1046, partnerships: 59 },
  { code: 'CZ063', latitude: 49.4056, longitude: 15.6919, partnerships: 43 },
  { code: 'CZ064', latitude: 49.1322, longitude: 16.5923, partnerships: 113 },
  { code: 'CZ071', latitude: 49.6574, longitude: 17.2098, partnerships: 69 },
  { code: 'CZ072', latitude: 49.2126, longitude: 17.6786, partnerships: 72 },
  { code: 'CZ080', latitude: 49.8176, longitude: 18.0276, partnerships: 150 },
];

const ZOOMS = [1, 1.6, 2.6, 4.2];

const bubblesAt = (zoom: number): Bubble[] => {
  const projection = europeProjection(zoom);
  const most = Math.max(...REAL_KRAJE.map((k) => k.partnerships));
  return REAL_KRAJE.map((kraj) => {
    const [x = 0, y = 0] = projection([kraj.longitude, kraj.latitude]) ?? [];
    return { code: kraj.code, x, y, r: bubbleRadius(kraj.partnerships, most, zoom), label: String(kraj.partnerships) };
  });
};

type Box = ReturnType<typeof labelBox>;
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const reachesDisc = (box: Box, disc: Bubble) =>
  Math.hypot(Math.max(box.x0 - disc.x, 0, disc.x - box.x1), Math.max(box.y0 - disc.y, 0, disc.y - box.y1)) < disc.r;

describe('map bubbles: every kraj number legible', () => {
  it('Praha’s and Středočeský kraj’s numbers would overlap at their centres (the case the placing solves)', () => {
    const [praha, stredocesky] = bubblesAt(1);
    if (!praha || !stredocesky) throw new Error('no bubbles');
    expect(
      overlap(labelBox(praha.label, praha.x, praha.y), labelBox(stredocesky.label, stredocesky.x, stredocesky.y)),
    ).toBe(true);
  });

  for (const zoom of ZOOMS)
    it(`no two numbers overlap and no bubble drawn later covers a number (zoom ${String(zoom)})`, () => {
      const placed = placeBubbles(bubblesAt(zoom));
      expect(placed.map((b) => b.code).sort()).toEqual(REAL_KRAJE.map((k) => k.code).sort());
      const boxes = placed.map((b) => labelBox(b.label, b.labelX, b.labelY));
      placed.forEach((bubble, index) => {
        const box = boxes[index];
        if (!box) throw new Error('no box');
        boxes.forEach((other, j) => {
          if (j !== index) expect(overlap(box, other), `${bubble.code} and ${placed[j]?.code ?? ''}`).toBe(false);
        });
        // The bubbles are drawn in this order, and all numbers after all bubbles.
        for (const above of placed.slice(index + 1))
          expect(reachesDisc(box, above), `${bubble.code} under ${above.code}`).toBe(false);
      });
    });

  it('draws Praha’s small bubble over Středočeský kraj’s and keeps Praha’s number on its centre', () => {
    const placed = placeBubbles(bubblesAt(1));
    const order = placed.map((b) => b.code);
    expect(order.indexOf('CZ010')).toBeGreaterThan(order.indexOf('CZ020'));
    const praha = placed.find((b) => b.code === 'CZ010');
    expect(praha && [praha.labelX, praha.labelY]).toEqual(praha && [praha.x, praha.y]);
    const stredocesky = placed.find((b) => b.code === 'CZ020');
    expect(
      stredocesky && Math.hypot(stredocesky.labelX - stredocesky.x, stredocesky.labelY - stredocesky.y),
    ).toBeGreaterThan(0);
  });

  it('a bubble alone keeps its number on its centre, inside it', () => {
    expect(placeBubbles([{ code: 'CZ080', x: 100, y: 100, r: 26, label: '150' }])).toEqual([
      { code: 'CZ080', x: 100, y: 100, r: 26, label: '150', labelX: 100, labelY: 100, inside: true },
    ]);
  });
});
