/** A kraj's bubble on the map: its centre and radius (map units) and the number it shows. */
export type Bubble = { code: string; x: number; y: number; r: number; label: string };
/** A bubble with where its number goes, and whether that is inside its own bubble (white) or beside it (dark). */
export type PlacedBubble = Bubble & { labelX: number; labelY: number; inside: boolean };

/** A kraj bubble's radius: by area its partnerships against the busiest kraj's, growing with the zoom. */
export const bubbleRadius = (partnerships: number, maxRegion: number, zoomFactor: number): number =>
  4 + 22 * Math.sqrt(partnerships / Math.max(1, maxRegion)) * Math.sqrt(zoomFactor);

/** The box a bubble's number takes (11 px bold digits, as map.css draws them), centred on its point. */
export const labelBox = (label: string, x: number, y: number) => {
  const halfWidth = (label.length * 6.8 + 3) / 2;
  const halfHeight = 7;
  return { x0: x - halfWidth, x1: x + halfWidth, y0: y - halfHeight, y1: y + halfHeight };
};
type Box = ReturnType<typeof labelBox>;

const boxesMeet = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Whether a box reaches into a disc (with a pixel to spare). */
const boxMeetsDisc = (box: Box, disc: Bubble): boolean => {
  const dx = Math.max(box.x0 - disc.x, 0, disc.x - box.x1);
  const dy = Math.max(box.y0 - disc.y, 0, disc.y - box.y1);
  return Math.hypot(dx, dy) < disc.r + 1;
};

const boxInsideDisc = (box: Box, disc: Bubble): boolean =>
  [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x0, box.y1],
    [box.x1, box.y1],
  ].every(([x = 0, y = 0]) => Math.hypot(x - disc.x, y - disc.y) <= disc.r);

/** Directions tried for a number moved off its centre: down first (Středočeský kraj lies mostly south of Prague), then round. */
const DIRECTIONS = Array.from({ length: 16 }, (_, index) => Math.PI / 2 + (index * Math.PI) / 8);

/**
 * The bubbles in drawing order (the biggest first, so that a small bubble lying on a big one, as
 * Praha's on Středočeský kraj's with almost the same centre, stays visible on top), each with a
 * place for its number that no bubble drawn above it and no other number covers: its centre where
 * that is free, else the nearest free point round it (inside its own bubble where it fits).
 */
export function placeBubbles(bubbles: readonly Bubble[]): PlacedBubble[] {
  const drawn = [...bubbles].sort((a, b) => b.r - a.r || a.code.localeCompare(b.code));
  const placed = new Map<string, PlacedBubble>();
  const boxes: Box[] = [];
  // The numbers on top are placed first: each keeps its centre unless something above covers it.
  for (const [index, bubble] of [...drawn.entries()].reverse()) {
    const above = drawn.slice(index + 1);
    const free = (box: Box) => !above.some((disc) => boxMeetsDisc(box, disc)) && !boxes.some((b) => boxesMeet(box, b));
    let spot: [number, number] = [bubble.x, bubble.y];
    search: for (let distance = 0; distance <= bubble.r + 60; distance += 4) {
      for (const angle of distance === 0 ? [0] : DIRECTIONS) {
        const candidate: [number, number] = [
          bubble.x + distance * Math.cos(angle),
          bubble.y + distance * Math.sin(angle),
        ];
        if (free(labelBox(bubble.label, ...candidate))) {
          spot = candidate;
          break search;
        }
      }
    }
    const box = labelBox(bubble.label, ...spot);
    boxes.push(box);
    placed.set(bubble.code, {
      ...bubble,
      labelX: spot[0],
      labelY: spot[1],
      inside: boxInsideDisc(box, bubble),
    });
  }
  return drawn.flatMap((bubble) => {
    const done = placed.get(bubble.code);
    return done ? [done] : [];
  });
}
