import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeWithCheckDigit } from './municipality-codes';

/** Windows-1250 bytes of a string (the test writes such files itself; Node decodes but cannot encode it). */
export function encodeWindows1250(text: string): Uint8Array {
  return encodeSingleByte(text, 'windows-1250');
}

/** Text in a single-byte encoding TextDecoder knows (ISO-8859-2: older Unix and web exports). */
export function encodeSingleByte(text: string, encoding: 'windows-1250' | 'iso-8859-2'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const reverse = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) reverse.set(decoder.decode(new Uint8Array([byte])), byte);
  const out: number[] = [];
  for (const ch of text) {
    const byte = reverse.get(ch);
    if (byte === undefined) throw new Error(`Not in ${encoding}: ${ch}`);
    out.push(byte);
  }
  return new Uint8Array(out);
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1250';

/** Writes text to a file in an encoding; returns the path. */
export function writeEncoded(dir: string, name: string, text: string, encoding: Encoding): string {
  const file = path.join(dir, name);
  const bytes =
    encoding === 'windows-1250'
      ? encodeWindows1250(text)
      : Buffer.concat([
          encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
          Buffer.from(text, 'utf8'),
        ]);
  writeFileSync(file, bytes);
  return file;
}

/** The code of municipality i of `csuRows`: 10000 + i with its ČSÚ check digit (0 → '100005', 1 → '100013'). */
export const csuCode = (i: number): string => codeWithCheckDigit(10_000 + i);

/** Rows of the ČSÚ territorial structure, generated: municipality i has code `csuCode(i)`. */
export function csuRows(count: number, start = 0): string[][] {
  const rows: string[][] = [];
  for (let i = start; i < start + count; i += 1) {
    const region = (i % 14) + 1;
    const regionCode = `CZ0${String(10 + region * 3).padStart(2, '0')}`;
    rows.push([
      '2024-01-01',
      `Obec č. ${String(i)} – Žďár`,
      csuCode(i),
      `${regionCode}${String((i % 9) + 1)}`,
      `Okres ${String(region)}-${String((i % 9) + 1)}`,
      regionCode,
      `Kraj ${String(region)}`,
      String(1000 + (i % 200)).padStart(4, '0'),
      `ORP ${String(i % 200)}`,
    ]);
  }
  return rows;
}

export const CSU_HEADER = [
  'platnost_datum',
  'obec_text',
  'obec_kod',
  'okres_csu_cis101_lau_kod',
  'okres_text',
  'kraj_csu_cis108_nuts_kod',
  'kraj_text',
  'orp_csu_cis65_kod',
  'orp_text',
];

const quote = (cell: string, delimiter: string) =>
  cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r')
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;

/** A table as CSV text with a delimiter and line end, quoting where needed. */
export function toCsv(rows: readonly (readonly string[])[], delimiter: string, lineEnd = '\r\n'): string {
  return rows.map((row) => row.map((cell) => quote(cell, delimiter)).join(delimiter)).join(lineEnd) + lineEnd;
}
