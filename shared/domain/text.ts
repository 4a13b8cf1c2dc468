/**
 * Czech text rules: sort with the Czech collator (ch after h, Č after C), search without
 * diacritics and case, normalise to NFC at the gate.
 */

/**
 * One collator at full strength: ICU compares the letters of the whole strings first (ch after h,
 * Č after C), and only between strings with the same letters the accents, then the case, so one
 * call gives the Czech order with a stable tie-break.
 */
const czechCollator = new Intl.Collator('cs', { sensitivity: 'variant', numeric: true });

/** Compares in Czech order; equal letters fall back to accents and case for a stable order. */
export function compareCzech(a: string | null | undefined, b: string | null | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  // Sorting a big grid compares many equal names (60,000 partnerships of 6,000 municipalities).
  return left === right ? 0 : czechCollator.compare(left, right);
}

/**
 * Sorts rows in place in Czech order of one text field (ties keep their order). Each distinct
 * text is compared once while ranking, so 60,000 rows with 6,000 distinct names cost little.
 */
export function sortByCzech<T>(rows: T[], text: (row: T) => string | null | undefined): T[] {
  const sorted = czechOrder(rows.map((row) => text(row) ?? '')).map((index) => rows[index] as T);
  sorted.forEach((row, index) => (rows[index] = row));
  return rows;
}

/** The positions of `texts` in Czech order (ties keep their order), as `sortByCzech` puts them. */
export function czechOrder(texts: readonly string[]): number[] {
  const distinct = [...new Set(texts)].sort(compareCzech);
  const rank = new Map(distinct.map((value, index) => [value, index]));
  const order = texts.map((value, index) => ({ rank: rank.get(value) ?? 0, index }));
  order.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return order.map(({ index }) => index);
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ß: 'ss',
  đ: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
};

/**
 * Lower case, no diacritics, NFC, and the letters Unicode does not decompose folded as well (ł→l,
 * ß→ss, ø→o…): the key both sides of a quick search are compared by ("klodzko" finds "Kłodzko",
 * "lodz" finds "Łódź", as "plzen" finds "Plzeň").
 */
export function searchKey(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('cs')
    .normalize('NFC')
    .replace(/[łßđøæœıþ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
}

/** How deep an input of the gate may nest: the deepest contract input has fewer than ten levels. */
export const MAX_INPUT_DEPTH = 64;

/** Keys that would reach an object's prototype when copied; no contract input has them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NOT_TEXT = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why an input was refused before its schema saw it. */
export class InputShapeError extends Error {}

/**
 * Normalises every string in a JSON-like value to NFC (used at the gate). Refuses (with
 * `InputShapeError`) values nested deeper than `MAX_INPUT_DEPTH` and prototype keys, so that a
 * hostile input can neither exhaust the stack nor reach `Object.prototype` through the copy.
 */
export function normalizeStrings<T>(value: T, depth = 0): T {
  if (depth > MAX_INPUT_DEPTH)
    throw new InputShapeError(`The input is nested deeper than ${String(MAX_INPUT_DEPTH)} levels.`);
  if (typeof value === 'string') {
    // Lone surrogate halves and the non-characters U+FFFE/U+FFFF are not text: stored, they would
    // silently become U+FFFD or make Excel repair an export. Refused here, at the one gate.
    if (NOT_TEXT.test(value)) throw new InputShapeError('The input contains characters that are not valid text.');
    return value.normalize('NFC') as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeStrings(item, depth + 1)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (PROTOTYPE_KEYS.has(key)) throw new InputShapeError(`The input has a forbidden key: ${key}`);
      out[key] = normalizeStrings(item, depth + 1);
    }
    return out as T;
  }
  return value;
}

/** Words written in lower case inside a Czech place name ("Ústí nad Labem", "Lázně u Chrudimě"). */
const LOWER_WORDS = new Set([
  'nad',
  'pod',
  'u',
  'v',
  've',
  'na',
  'při',
  'za',
  'mezi',
  'před',
  'a',
  'k',
  'ke',
  'z',
  'ze',
]);

/** Whether a text is written in capitals only (and has letters): how some lists write city names. */
export const isAllCaps = (text: string): boolean =>
  /\p{L}/u.test(text) && text === text.toLocaleUpperCase('cs') && text !== text.toLocaleLowerCase('cs');

/**
 * A place name written in capitals, in the usual Czech case: "FRÝDEK-MÍSTEK" → "Frýdek-Místek",
 * "ÚSTÍ NAD LABEM" → "Ústí nad Labem", "BRANDÝS NAD LABEM-STARÁ BOLESLAV" →
 * "Brandýs nad Labem-Stará Boleslav". Prepositions inside the name stay lower case; a name that
 * is not all capitals is returned as it is.
 */
export function czechNameCase(name: string): string {
  if (!isAllCaps(name)) return name;
  return name
    .toLocaleLowerCase('cs')
    .split(/(\s+|-)/)
    .map((part, index) => {
      if (part === '' || /^(\s+|-)$/.test(part)) return part;
      if (index > 0 && LOWER_WORDS.has(part)) return part;
      return part.charAt(0).toLocaleUpperCase('cs') + part.slice(1);
    })
    .join('');
}

/** Whether two texts differ only in case and spacing (a list's capitals, a double space). */
export const sameIgnoringCaseAndSpacing = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim().toLocaleLowerCase('cs') === b.replace(/\s+/g, ' ').trim().toLocaleLowerCase('cs');

/**
 * The key two spellings of one town share: no case, no diacritics, ł→l, ß→ss, and hyphens,
 * apostrophes and punctuation as spaces ("Romans-sur-Isère" = "Romans sur Isére",
 * "Jedlina-Zdrój" = "Jedlina - Zdrój", "Gießen" = "Giessen", "Wrocław" = "Wroclaw").
 */
export function townNameKey(name: string): string {
  return searchKey(name)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Edit distance of two strings (insertions, deletions, substitutions), or `max + 1` as soon as
 * it is certainly larger than `max` (cheap for the many pairs an import compares).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}
