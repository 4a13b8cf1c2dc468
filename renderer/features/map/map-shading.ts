import type { Boundaries, RegionGeometry } from '../../../shared/domain/statistics/boundaries';
import type { DerivedDistricts } from '../../../shared/domain/statistics/district-shapes';

/** One shaded shape of the map: a kraj, or an okres of a kraj the okresy view divides. */
export type ShadedShape = {
  code: string;
  name: string;
  geometry: RegionGeometry;
  /** Partnerships of the shape's municipalities (the kraj's own for an undivided kraj). */
  count: number;
  /** Fill opacity: light for none, dark for the most of its level. */
  opacity: number;
  level: 'region' | 'district';
  /** A kraj shown whole in the okresy view (an okres of it has no located municipality). */
  undivided: boolean;
};

/** Light for none, dark for the most: the same scale for kraje and okresy, each against its own maximum. */
export const shadeOpacity = (count: number, max: number): number => 0.12 + 0.78 * (count / Math.max(1, max));

const maxOf = (counts: ReadonlyMap<string, number>): number => Math.max(1, ...counts.values());

/**
 * What the choropleth shades. With kraje: every kraj by its partnerships. With okresy: every okres
 * derived from the municipalities' positions, and every kraj that could not be divided (an okres
 * of it has no located municipality) whole, shaded by its own partnerships as the kraje view
 * shades it and marked `undivided`, so that no part of the country is left blank.
 */
export function shadedShapes({
  kraje,
  districts,
  regionCounts,
  districtCounts,
}: {
  kraje: Boundaries | null;
  /** The derived okresy (okresy view), or null (kraje view). */
  districts: DerivedDistricts['districts'] | null;
  regionCounts: ReadonlyMap<string, number>;
  districtCounts: ReadonlyMap<string, number>;
}): ShadedShape[] {
  const maxRegion = maxOf(regionCounts);
  const krajShape = (region: Boundaries['regions'][number], undivided: boolean): ShadedShape => {
    const count = regionCounts.get(region.code) ?? 0;
    return { ...region, count, opacity: shadeOpacity(count, maxRegion), level: 'region', undivided };
  };
  if (districts === null) return (kraje?.regions ?? []).map((region) => krajShape(region, false));
  const divided = new Set(districts.map((district) => district.regionCode));
  const maxDistrict = maxOf(districtCounts);
  return [
    ...(kraje?.regions ?? []).filter((region) => !divided.has(region.code)).map((region) => krajShape(region, true)),
    ...districts.map(({ code, name, geometry }): ShadedShape => {
      const count = districtCounts.get(code) ?? 0;
      return {
        code,
        name,
        geometry,
        count,
        opacity: shadeOpacity(count, maxDistrict),
        level: 'district',
        undivided: false,
      };
    }),
  ];
}
