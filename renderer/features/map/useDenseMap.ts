import { useEffect, useState, type MouseEvent } from 'react';
import type { GeoProjection } from 'd3-geo';
import type { PartnershipStatus } from '../../../shared/domain/codes';
import { nearestPoint, projectDensePoints, renderDenseLayer, type DensePoints } from './map-geometry';
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
  const townName = useTownName();
  /**
   * Above the limit: the points' positions, and a grid to find the point under the pointer,
   * computed in slices after the first render (see projectDensePoints).
   */
  const [made, setMade] = useState<{ data: MapData; projection: GeoProjection; points: DensePoints } | null>(null);
  useEffect(() => {
    if (!data || !many) return;
    let live = true;
    void projectDensePoints(projection, data.towns, data.members, () => live).then((points) => {
      if (live && points) setMade({ data, projection, points });
    });
    return () => {
      live = false;
    };
  }, [data, many, projection]);
  /** The points of the answer and projection shown; null while they are being made. */
  const dense = made && many && made.data === data && made.projection === projection ? made.points : null;

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
    const found = nearestPoint(dense.index, at.x, at.y, 6);
    if (found === null || !data) return null;
    if (found >= 0) {
      const town = data.towns[found];
      return town
        ? { kind: 'town', name: townName(town), countryCode: town.countryCode, partnerships: town.partnerships }
        : null;
    }
    const m = data.members[-found - 1];
    return m ? { kind: 'member', id: m.id, name: m.name, partnerships: m.partnerships } : null;
  };
  return { dense, denseImage, pointAt };
}
