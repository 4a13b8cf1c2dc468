/**
 * A number typed into a form or a grid cell, the Czech or the English way: "1 250", "1250,50",
 * "1,250.50", "1.250,50", "2,500,000". What a user meant is never guessed (the registry's data is
 * sacred: "1,250" saved as 1.25 was an English user's 1,250 €):
 * - spaces (also no-break spaces) group thousands;
 * - with both a point and a comma, the later one separates decimals, the other groups thousands;
 * - several points or several commas group thousands ("2,500,000");
 * - one point or one comma separates decimals, except before exactly three digits: there it groups
 *   thousands in a whole number (a population: "65,000"), separates decimals in a coordinate
 *   ("49,123"), and is refused in an amount of money ("1,250" may be 1.25 or 1250);
 * - anything else (letters, "1e5", a misplaced group) is not a number.
 */
export type TypedNumberKind = 'integer' | 'decimal' | 'amount';

export type TypedNumber =
  { ok: true; value: number | null } | { ok: false; reason: 'validation.number' | 'validation.numberAmbiguous' };

const grouped = (digits: string, separator: string): boolean =>
  new RegExp(`^\\d{1,3}(\\${separator}\\d{3})*$`).test(digits);

export function parseTypedNumber(text: string, kind: TypedNumberKind): TypedNumber {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: true, value: null };
  const notNumber = { ok: false, reason: 'validation.number' } as const;
  if (!/^-?\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return notNumber;
  const negative = compact.startsWith('-');
  const body = negative ? compact.slice(1) : compact;
  const value = (whole: string, fraction: string): TypedNumber => {
    const parsed = Number(fraction === '' ? whole : `${whole}.${fraction}`);
    return Number.isFinite(parsed) ? { ok: true, value: negative ? -parsed : parsed } : notNumber;
  };
  const dot = body.lastIndexOf('.');
  const comma = body.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) {
    const [decimal, group] = dot > comma ? ['.', ','] : [',', '.'];
    const at = body.lastIndexOf(decimal);
    const whole = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (whole.includes(decimal) || !/^\d+$/.test(fraction) || !grouped(whole, group)) return notNumber;
    return value(whole.split(group).join(''), fraction);
  }
  const separator = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (separator === null) return value(body, '');
  const parts = body.split(separator);
  if (parts.length > 2) return grouped(body, separator) ? value(parts.join(''), '') : notNumber;
  const [whole = '', fraction = ''] = parts;
  // One separator before three digits after a whole part that could be a thousands group.
  const thousandsShape = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  if (!thousandsShape || kind === 'decimal') return value(whole, fraction);
  if (kind === 'integer') return value(`${whole}${fraction}`, '');
  return { ok: false, reason: 'validation.numberAmbiguous' };
}

/** The typed number for a rule to check: the number, null for blank, the text itself when it is none. */
export function typedNumberOrText(text: string, kind: TypedNumberKind): number | string | null {
  const parsed = parseTypedNumber(text, kind);
  return parsed.ok ? parsed.value : text;
}
