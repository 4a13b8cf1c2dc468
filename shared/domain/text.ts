/**
 * Czech text rules: sort with the Czech collator (ch after h, Č after C), search without
 * diacritics and case, normalise to NFC at the gate.
 */

const czechCollator = new Intl.Collator('cs', { sensitivity: 'base', numeric: true });
const czechCollatorStrict = new Intl.Collator('cs', { sensitivity: 'variant', numeric: true });

/** Compares in Czech order; equal at base level falls back to accents/case for a stable order. */
export function compareCzech(a: string | null | undefined, b: string | null | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  return czechCollator.compare(left, right) || czechCollatorStrict.compare(left, right);
}

/** Lower case, no diacritics, NFC: the key both sides of a quick search are compared by. */
export function searchKey(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('cs').normalize('NFC');
}

/** Normalises every string in a JSON-like value to NFC (used at the gate). */
export function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = normalizeStrings(item);
    return out as T;
  }
  return value;
}
