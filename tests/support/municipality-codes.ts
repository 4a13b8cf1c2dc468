import { municipalityCheckDigit } from '../../shared/domain/municipality-rules';

/**
 * A made-up municipality code that passes ČSÚ's check digit: the 5-digit `base` with its check
 * digit appended (59910 → '599107'). Fixtures use it so that a made-up municipality is one the
 * import and the member form accept; every base gives exactly one code, so distinct bases give
 * distinct codes.
 */
export function codeWithCheckDigit(base: number): string {
  if (!Number.isInteger(base) || base < 0 || base > 99_999) throw new Error(`Not a 5-digit base: ${String(base)}`);
  const digits = String(base).padStart(5, '0');
  return `${digits}${String(municipalityCheckDigit(digits))}`;
}
