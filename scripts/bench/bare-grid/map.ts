// Issue 16 target 2's floor: the Map's points drawn by a bare canvas page. It fetches the app's
// `map:data` answer for the same filter from a static file, projects every member and partner
// town with the app's projection and draws each as a small square: what drawing the points costs
// without the app (no React, no lines, no layers, no image made from the canvas).
import { europeProjection, MAP_HEIGHT, MAP_WIDTH } from '../../../renderer/features/map/map-geometry';

type Point = { latitude: number; longitude: number };
type MapAnswer = { value: { members: Point[]; towns: Point[] } };

/** Draws the points of `./map.json` on a new canvas; marks the body when they are drawn. */
export function fetchAndDraw(host: HTMLElement): void {
  delete document.body.dataset.mapDrawn;
  void fetch('./map.json')
    .then((answer) => answer.json() as Promise<MapAnswer>)
    .then(({ value }) => {
      host.replaceChildren();
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = MAP_WIDTH * scale;
      canvas.height = MAP_HEIGHT * scale;
      canvas.style.width = `${String(MAP_WIDTH)}px`;
      canvas.dataset.testid = 'bare-map';
      host.append(canvas);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.scale(scale, scale);
      const projection = europeProjection();
      const draw = (points: readonly Point[], colour: string) => {
        context.fillStyle = colour;
        for (const point of points) {
          const at = projection([point.longitude, point.latitude]);
          if (at) context.fillRect(at[0] - 1.5, at[1] - 1.5, 3, 3);
        }
      };
      draw(value.towns, '#e07b00');
      draw(value.members, '#1d5fa8');
      document.body.dataset.mapDrawn = 'true';
    });
}
