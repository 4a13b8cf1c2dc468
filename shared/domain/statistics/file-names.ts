import type { UiLanguage } from '../codes';
import type { Territory } from './schemas';
import { territoryLabel } from './tables';

/** A name part without diacritics or spaces ("Kraj Vysočina" → "Kraj-Vysocina"). */
export const namePart = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** At most this many territory units are named in a file name; the rest are counted. */
const NAMED_UNITS = 3;

/** The territory for a file name: `Kraj-Vysocina`, `okres-Jihlava-ORP-Trebic`, `…-a-2-dalsi`. */
function territoryPart(territory: Territory, language: UiLanguage): string | null {
  const { regions, districts, orps } = territory;
  if (regions.length + districts.length + orps.length === 0) return null;
  // One name per unit, as the screen says it ("okres Jihlava", "ORP Třebíč").
  const names = [
    ...regions.map((r) => r.name),
    ...districts.map((d) => territoryLabel({ regions: [], districts: [d], orps: [] }, language) ?? d.code),
    ...orps.map((o) => territoryLabel({ regions: [], districts: [], orps: [o] }, language) ?? o.code),
  ];
  const shown = names.slice(0, NAMED_UNITS).map(namePart);
  const more = names.length - shown.length;
  if (more > 0) shown.push(language === 'cs' ? `a-${String(more)}-dalsi` : `and-${String(more)}-more`);
  return shown.join('-');
}

/**
 * The name (without extension) of an exported file that says what it holds: `statistiky-Kraj-
 * Vysocina-1990-2005`, `mapa-partnerstvi-Kraj-Vysocina-od-1990` for a territory and years (Czech
 * names without diacritics), `statistiky-2025-06-15` (the day) for the whole registry.
 */
export function filterFileStem(
  stem: string,
  filter: { territory: Territory | null; fromYear: number | null; toYear: number | null; today: string },
  language: UiLanguage,
): string {
  const { fromYear, toYear } = filter;
  const region = filter.territory === null ? null : territoryPart(filter.territory, language);
  const years =
    fromYear !== null && toYear !== null
      ? `${String(fromYear)}-${String(toYear)}`
      : fromYear !== null
        ? `${language === 'cs' ? 'od' : 'from'}-${String(fromYear)}`
        : toYear !== null
          ? `${language === 'cs' ? 'do' : 'to'}-${String(toYear)}`
          : null;
  const parts = [stem, ...(region === null ? [] : [region]), ...(years === null ? [] : [years])];
  if (parts.length === 1) parts.push(filter.today);
  return parts.join('-');
}
