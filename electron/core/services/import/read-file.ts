import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/domain/errors';
import {
  detectDelimiter,
  eachCsvRecord,
  excelTextCell,
  looksBinary,
  type CsvRecord,
  type Delimiter,
} from '../../../../shared/domain/import/csv';
import { PackedRecords } from './packed-records';

/** Files larger than this are refused before reading (a registry import is never that big). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * Bounds that keep a hostile or mistaken file from exhausting memory: rows of a table (every
 * Czech municipality is 6,300 rows, all of Europe's 100,000), the unpacked size of an XLSX
 * (a 2 MB zip bomb unpacks to gigabytes) and the length of one cell (the longest field, notes,
 * takes 5,000 characters).
 */
export const IMPORT_LIMITS = {
  rows: 250_000,
  xlsxUnpackedBytes: 300 * 1024 * 1024,
  cellChars: 5_000,
} as const;

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'iso-8859-2' | 'xlsx';

/**
 * A file read as a table of text cells: the header and the records with their line numbers. A
 * preview keeps it until its commit, so the records are packed (see `PackedRecords`).
 */
export type SourceTable = {
  fileName: string;
  /** SHA-256 of the file's bytes: tells the same file from another of the same name in the import history. */
  checksum: string;
  encoding: Encoding;
  delimiter: Delimiter | null;
  header: string[];
  records: PackedRecords;
};

const checksumOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const failure = (key: string, message: string, params: Record<string, string | number> = {}) =>
  new AppError('VALIDATION', message, { issues: [{ path: 'file', message: key }], reason: key, params });

/**
 * How a line of a file reads: plain ASCII (either encoding), UTF-8, not UTF-8 at all, or UTF-8
 * only by accident. The last two count as Windows-1250 in a file that is not UTF-8 as a whole:
 * Czech and Polish capitals in Windows-1250 pair like UTF-8 ("MĚŠICE" holds CC 8A, a combining
 * ring; "RÓŻAN" D3 AF, a Cyrillic letter), giving combining marks, Latin Extended-B and phonetic
 * signs, the Cyrillic supplement, Armenian to Thaana (`BY_ACCIDENT`), a letter of another script
 * inside a Latin word, or a code point no text holds. A file that is UTF-8 as a whole is read as UTF-8 whatever it holds
 * (decomposed accents, ə, Hebrew are real text).
 */
type LineKind = 'ascii' | 'utf8' | 'accidental' | 'invalid';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * What Windows-1250 (or ISO-8859-2) bytes read as UTF-8 give (Romanian ș ț, U+0218–U+021B, are
 * left out: real letters); U+1E00–U+1EFF is what 'ášť' gives in ISO-8859-2 (E1 B9 BB).
 */
const BY_ACCIDENT = /[\u0180-\u0217\u021c-\u036f\u04c0-\u04ff\u0530-\u07ff\u1e00-\u1eff]/;
/**
 * A letter of another script touching a Latin one, one word in two scripts: Cyrillic or Greek
 * from two-byte pairs, Ogham or Hangul from three ("Chrášťany" and "Píšť" hold E1 9A 9D and ED 9A
 * 9D in Windows-1250).
 */
const MIXED_WORD = /\p{Script=Latin}(?!\p{Script=Latin})\p{L}|(?!\p{Script=Latin})\p{L}\p{Script=Latin}/u;
/** Code points no text holds: unassigned or private use (what a three-byte pair often gives). */
const NO_TEXT = /[\p{Cn}\p{Co}]/u;

function lineKind(line: Uint8Array): LineKind {
  if (line.every((byte) => byte < 0x80)) return 'ascii';
  let text: string;
  try {
    text = strictUtf8.decode(line);
  } catch {
    return 'invalid';
  }
  return BY_ACCIDENT.test(text) || MIXED_WORD.test(text) || NO_TEXT.test(text) ? 'accidental' : 'utf8';
}

/**
 * The lines of the bytes with their kinds (1-based line numbers). Lines end at LF, or at CR in a
 * file without LF (old Mac line ends).
 */
function lineKinds(bytes: Uint8Array): { utf8: number[]; other: number[]; invalid: number[] } {
  const utf8: number[] = [];
  const other: number[] = [];
  const invalid: number[] = [];
  const end = bytes.includes(0x0a) ? 0x0a : 0x0d;
  let line = 1;
  for (let start = 0; start < bytes.length; line += 1) {
    const found = bytes.indexOf(end, start);
    const stop = found < 0 ? bytes.length : found;
    const kind = lineKind(bytes.subarray(start, stop));
    if (kind === 'utf8') utf8.push(line);
    else if (kind !== 'ascii') other.push(line);
    if (kind === 'invalid') invalid.push(line);
    start = stop + 1;
  }
  return { utf8, other, invalid };
}

/** Bytes that are letters of both encodings below: ASCII letters and 0xC0–0xFF (but × and ÷). */
const isLetterByte = (byte: number) =>
  (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0xc0 && byte !== 0xd7 && byte !== 0xf7);
/**
 * Bytes that ISO-8859-2 gives letters and Windows-1250 signs: Ą Ś Š Ť Ź (ˇ ¦ © « ¬), ą ľ ś ť
 * (± µ ¶ »), and Ž (®).
 */
const SIGN_IN_1250 = new Set([0xa1, 0xa6, 0xa9, 0xab, 0xac, 0xae, 0xb1, 0xb5, 0xb6, 0xbb]);
/** ISO-8859-2's š and ž, which Windows-1250 reads as the Polish ą and the Slovak ľ. */
const SH_ZH_IN_LATIN2 = new Set([0xb9, 0xbe]);
/** ě ř ů Ě Ř Ů: Czech only, the same bytes in both encodings. */
const CZECH_ONLY = new Set([0xec, 0xf8, 0xf9, 0xcc, 0xd8, 0xd9]);

/**
 * Whether a file that is not UTF-8 is ISO-8859-2 (older Unix systems and web exports) rather than
 * Windows-1250: the two differ in Š Ž Ť Ś Ź Ą and their small letters, so read the wrong way
 * "Šumperk" becomes "©umperk" and "Kroměříž" "Kroměříľ". It is when no byte is one ISO-8859-2
 * leaves to control codes (0x80–0x9F, where Windows-1250 has š, ž, ť and the quotes) and a byte
 * that Windows-1250 reads as a sign touches a letter, or a word with ě, ř or ů holds what would be
 * ą or ľ there (neither Polish nor Slovak has those). Anything else stays Windows-1250.
 */
function looksLatin2(bytes: Uint8Array): boolean {
  let evidence = false;
  let wordStart = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    const byte = i < bytes.length ? (bytes[i] ?? 0) : 0x20;
    if (byte >= 0x80 && byte <= 0x9f) return false;
    if (evidence) continue;
    if (SIGN_IN_1250.has(byte)) {
      if (isLetterByte(bytes[i - 1] ?? 0) || isLetterByte(bytes[i + 1] ?? 0)) evidence = true;
      continue;
    }
    if (isLetterByte(byte) || SH_ZH_IN_LATIN2.has(byte)) continue;
    // The end of a word (bytes wordStart..i-1).
    const word = bytes.subarray(wordStart, i);
    if (word.some((b) => SH_ZH_IN_LATIN2.has(b)) && word.some((b) => CZECH_ONLY.has(b))) evidence = true;
    wordStart = i + 1;
  }
  return evidence;
}

/**
 * Decodes bytes: UTF-8 (with or without BOM), Windows-1250 or ISO-8859-2 (`looksLatin2`), the encoding Czech Excel writes CSV
 * in (Node ships full ICU, so TextDecoder knows it). A file that is not UTF-8 as a whole is looked
 * at line by line (`lineKinds`): lines of both kinds (a block pasted from another file) make it
 * `mixed`, since read either way the other part's Czech letters would be garbled ("PĹ™Ă­bram"); the
 * caller refuses it, naming the first line of the fewer kind (on a tie, a line that is not UTF-8).
 * With a BOM the file says it is UTF-8: a line that is not UTF-8 at all is mixed.
 */
export function decodeText(
  bytes: Uint8Array,
): { text: string; encoding: Encoding } | { mixed: { line: number; expected: 'utf-8' | 'windows-1250' } } {
  // UTF-16 with its byte order mark, as Excel's "Unicode text" writes it.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: strictUtf8.decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not UTF-8 as a whole: line by line below.
  }
  const { utf8, other, invalid } = lineKinds(body);
  const [firstInvalid] = invalid;
  if (hasBom && firstInvalid !== undefined) return { mixed: { line: firstInvalid, expected: 'utf-8' } };
  if (utf8.length > 0 && other.length > 0) {
    const mostlyUtf8 = utf8.length >= other.length;
    const line = mostlyUtf8 ? (invalid[0] ?? other[0]) : utf8[0];
    return { mixed: { line: line ?? 1, expected: mostlyUtf8 ? 'utf-8' : 'windows-1250' } };
  }
  const encoding = looksLatin2(body) ? 'iso-8859-2' : 'windows-1250';
  return { text: new TextDecoder(encoding).decode(body), encoding };
}

const isZip = (bytes: Uint8Array) =>
  bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads a CSV/TSV/TXT or XLSX file into a text table. Bad files give VALIDATION with a reason key. */
export async function readSourceFile(filePath: string, displayName = path.basename(filePath)): Promise<SourceTable> {
  let size: number;
  try {
    size = (await stat(filePath)).size;
  } catch {
    throw new AppError('IO', `Cannot read ${displayName}`, {
      reason: 'import.error.unreadable',
      params: { file: displayName },
    });
  }
  if (size > MAX_IMPORT_BYTES) {
    throw failure('import.error.tooLarge', `${displayName} is larger than ${MAX_IMPORT_BYTES} bytes`, {
      file: displayName,
      size,
    });
  }
  // A Buffer is a Uint8Array: no copy of a file that may be 200 MB.
  const bytes: Uint8Array = await readFile(filePath);
  return readSourceBytes(bytes, displayName);
}

export async function readSourceBytes(bytes: Uint8Array, fileName: string): Promise<SourceTable> {
  if (bytes.length === 0) throw failure('import.error.empty', `${fileName} is empty`, { file: fileName });
  if (isZip(bytes)) return readXlsx(bytes, fileName);
  // Far more lines than the row limit: refused before the bytes are decoded into a string twice
  // their size (a record spans several lines only where a quoted cell holds line breaks).
  if (lineBreaks(bytes, IMPORT_LIMITS.rows * 2 + 2) > IMPORT_LIMITS.rows * 2) throw tooManyRows(fileName);
  const decoded = decodeText(bytes);
  if ('mixed' in decoded) {
    const { line, expected } = decoded.mixed;
    throw failure(
      expected === 'utf-8' ? 'import.error.mixedEncoding' : 'import.error.mixedEncodingOther',
      `${fileName} mixes encodings (line ${String(line)})`,
      { file: fileName, line },
    );
  }
  const { text, encoding } = decoded;
  if (looksBinary(text)) throw failure('import.error.binary', `${fileName} is not a text table`, { file: fileName });
  if (text.trim() === '') throw failure('import.error.empty', `${fileName} is empty`, { file: fileName });
  const delimiter = detectDelimiter(text);
  // Each record is packed as the reader hands it over: the file's cells never exist all at once
  // as separate strings.
  const first: { header: CsvRecord | null } = { header: null };
  const packer = PackedRecords.packer();
  const count = eachCsvRecord(
    text,
    delimiter,
    (record) => {
      if (first.header === null) first.header = record;
      else {
        // Digits an export wrote as `="00253014"` (so that Excel keeps them) are read as the digits.
        if (record.cells.some((cell) => cell.startsWith('='))) record.cells = record.cells.map(excelTextCell);
        packer.add(record);
      }
    },
    IMPORT_LIMITS.rows + 2,
    (found) => {
      // A malformed quoted field is refused where it starts: read on, the rest of the file (or a
      // part of it) would silently become the text of one cell.
      const column = first.header?.cells[found.field]?.trim();
      throw failure(
        `import.error.${found.kind}`,
        `${fileName}, line ${String(found.line)}, column ${String(found.field + 1)}: a malformed quoted field (${found.kind})`,
        {
          file: fileName,
          line: found.line,
          column: column === undefined || column === '' ? String(found.field + 1) : column,
        },
      );
    },
  );
  if (count > IMPORT_LIMITS.rows + 1) throw tooManyRows(fileName);
  const { header } = first;
  if (!header) throw failure('import.error.empty', `${fileName} is empty`, { file: fileName });
  return {
    fileName,
    checksum: checksumOf(bytes),
    encoding,
    delimiter,
    header: header.cells.map((c) => c.trim()),
    records: packer.done(),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result);
  if ('error' in value) return '';
  return '';
}

/** Line feeds in the bytes (UTF-16 too: its LF is 0x0A 0x00), counting stops at `stopAt`. */
function lineBreaks(bytes: Uint8Array, stopAt: number): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && count < stopAt; at = bytes.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

const tooManyRows = (fileName: string) =>
  failure('import.error.tooManyRows', `${fileName} has more than ${String(IMPORT_LIMITS.rows)} rows`, {
    file: fileName,
    max: IMPORT_LIMITS.rows,
  });

/**
 * The unpacked size a ZIP declares for all its entries, read from its central directory without
 * inflating anything; null when the directory cannot be found (then the XLSX reader refuses it).
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 65_535); end -= 1) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i += 1) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
      const size = view.getUint32(offset + 24, true);
      // ZIP64 marks a size that does not fit 32 bits: far beyond any limit here.
      total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
      offset +=
        46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return total;
  }
  return null;
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<SourceTable> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) {
    throw failure('import.error.xlsx', `${fileName} is not a readable XLSX workbook`, { file: fileName });
  }
  if (unpacked > IMPORT_LIMITS.xlsxUnpackedBytes) {
    throw failure('import.error.tooLargeUnpacked', `${fileName} unpacks to ${String(unpacked)} bytes`, {
      file: fileName,
      size: unpacked,
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like `Buffer`; an exact ArrayBuffer copy fits.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw failure('import.error.xlsx', `${fileName} is not a readable XLSX workbook`, { file: fileName });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw failure('import.error.empty', `${fileName} is empty`, { file: fileName });
  if (sheet.actualRowCount > IMPORT_LIMITS.rows + 1) throw tooManyRows(fileName);
  const rows: CsvRecord[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some((cell) => cell !== '')) rows.push({ line: rowNumber, cells });
  });
  const [headerRecord, ...rest] = rows;
  if (!headerRecord) throw failure('import.error.empty', `${fileName} is empty`, { file: fileName });
  // Trailing empty header cells (formatted but unused columns) are dropped.
  let headerWidth = headerRecord.cells.length;
  while (headerWidth > 0 && headerRecord.cells[headerWidth - 1] === '') headerWidth -= 1;
  return {
    fileName,
    checksum: checksumOf(bytes),
    encoding: 'xlsx',
    delimiter: null,
    header: headerRecord.cells.slice(0, headerWidth),
    records: PackedRecords.from(rest.map((r) => ({ line: r.line, cells: r.cells.slice(0, headerWidth) }))),
  };
}
