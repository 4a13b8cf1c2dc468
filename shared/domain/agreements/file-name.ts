import type { AgreementLanguage } from '../codes';
import { cleanLine } from './clean-text';

/**
 * The longest default file name of a draft, in UTF-8 bytes. File systems allow 255 bytes; the
 * atomic writer's temporary file adds about 30 (".name.<pid>-<random>.twinreg-tmp") and a batch
 * may add " (12)". 180 bytes are also at most 180 UTF-16 units, so the general file-name cleaner
 * (which cuts at 180 units) never cuts again, and never between the halves of a surrogate pair.
 */
export const MAX_FILE_NAME_BYTES = 180;

/** UTF-8 length without TextEncoder (shared code has no DOM or Node types). */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** At most `maxBytes` of `value`, cut between whole characters as a reader sees them (emoji, accents). */
export function cutToBytes(value: string, maxBytes: number): string {
  if (utf8Length(value) <= maxBytes) return value;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter('cs', { granularity: 'grapheme' }).segment(value)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out.trimEnd();
}

/**
 * "Smlouva o partnerství Tábor – Konstanz (cs-de).docx": the names share what the title and the
 * suffix leave of MAX_FILE_NAME_BYTES (a short name leaves its rest to the other); a blank name
 * is left out rather than leaving "Tábor – ".
 */
export function agreementFileName(
  title: string,
  czName: string,
  partnerName: string,
  language: AgreementLanguage,
): string {
  const suffix = ` (cs-${language}).docx`;
  const head = cutToBytes(cleanLine(title).normalize('NFC'), 80);
  const names = [czName, partnerName].map((n) => cleanLine(n).normalize('NFC')).filter((n) => n !== '');
  const joiner = ' – ';
  const budget = MAX_FILE_NAME_BYTES - utf8Length(`${head} ${suffix}`) - (names.length > 1 ? utf8Length(joiner) : 0);
  const [first = '', second] = names;
  let fitted: string[];
  if (second === undefined) fitted = first === '' ? [] : [cutToBytes(first, budget)];
  else {
    const half = Math.floor(budget / 2);
    const firstCut = cutToBytes(first, Math.max(half, budget - utf8Length(second)));
    fitted = [firstCut, cutToBytes(second, budget - utf8Length(firstCut))];
  }
  return fitted.length === 0 ? `${head}${suffix}` : `${head} ${fitted.join(joiner)}${suffix}`;
}
