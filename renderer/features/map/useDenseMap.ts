import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { GeoProjection } from 'd3-geo';
import type { PartnershipStatus } from '../../../shared/domain/codes';
import { useI18n } from '../../lib/i18n';
import { nearestPoint, pointIndex, renderDenseLayer } from './map-geometry';
import { MEMBER_R, TOWN_R, useTownName, type MapData } from './map-layers';

export type MapPoint =
  | { kind: 'member'; id: number; name: string; partnerships: number }
  | { kind: 'town'; name: string; countryCode: string; partnerships: number };

type LinkEnds = { status: PartnershipStatus; ends: [[number, number], [number, number]][] }[];

/**
 * A map above the circles limit (a registry of Europe's size): its lines and dots drawn on a canvas
 * into one image, and the point under the pointer found in a grid instead of by SVG events.
 */
export function useDenseMap({
  data,
  many,
  projection,
  lines,
  bubbles,
  linkEnds,
}: {
  data: MapData | undefined;
  many: boolean;
  projection: GeoProjection;
  lines: boolean;
  bubbles: boolean;
  linkEnds: LinkEnds;
}) {
  const i18n = useI18n();
  const townName = useTownName();
  /** Above the limit: the points' positions, and a grid to find the point under the pointer. */
  const dense = useMemo(() => {
    if (!data || !many) return null;
    const memberXY: [number, number][] = [];
    const townXY: [number, number][] = [];
    const points: { x: number; y: number; item: MapPoint }[] = [];
    for (const town of data.towns) {
      const p = projection([town.longitude, town.latitude]);
      if (!p) continue;
      townXY.push(p);
      points.push({ x: p[0], y: p[1], item: { kind: 'town', ...town, name: townName(town) } });
    }
    for (const m of data.members) {
      const p = projection([m.longitude, m.latitude]);
      if (!p) continue;
      memberXY.push(p);
      points.push({ x: p[0], y: p[1], item: { kind: 'member', id: m.id, name: m.name, partnerships: m.partnerships } });
    }
    return { members: memberXY, towns: townXY, index: pointIndex(points, 8) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- townName depends only on the language
  }, [data, many, projection, i18n.language]);

  /** A dense map's lines and dots, drawn on a canvas into one image (see renderDenseLayer). */
  const [denseImage, setDenseImage] = useState<string | null>(null);
  useEffect(() => {
    if (!dense) return;
    let live = true;
    let url: string | null = null;
    void renderDenseLayer(
      projection,
      { links: lines ? linkEnds : [], towns: dense.towns, members: bubbles ? [] : dense.members },
      { member: MEMBER_R, town: TOWN_R },
    ).then((made) => {
      url = made;
      if (live) setDenseImage(made);
      else if (made) URL.revokeObjectURL(made);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [dense, projection, lines, bubbles, linkEnds]);

  /** The point under the pointer on a dense map (members drawn last, so they win a tie). */
  const pointAt = (event: MouseEvent<SVGSVGElement>): MapPoint | null => {
    if (!dense) return null;
    const matrix = event.currentTarget.getScreenCTM();
    if (!matrix) return null;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return nearestPoint(dense.index, at.x, at.y, 6);
  };
  return { dense, denseImage, pointAt };
}
