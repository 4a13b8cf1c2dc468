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

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'xlsx';

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
 * How a line of a file reads: plain ASCII (either encoding), UTF-8, or not UTF-8 (Windows-1250).
 * A line that is valid UTF-8 only by accident counts as Windows-1250: Czech capitals in
 * Windows-1250 pair like UTF-8 ("MĚŠICE" holds CC 8A, read as a combining ring), but what such
 * pairs give is combining marks, Latin Extended-B, phonetic signs or Armenian to Thaana letters
 * (U+0180–U+036F, U+0530–U+07FF), never Czech, German, Polish, Greek or Cyrillic text.
 */
type LineKind = 'ascii' | 'utf8' | 'other';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What only Windows-1250 bytes read as UTF-8 give (Romanian ș ț, U+0218–U+021B, are real letters). */
const BY_ACCIDENT = /[\u0180-\u0217\u021c-\u036f\u0530-\u07ff]/;

function lineKind(line: Uint8Array): LineKind {
  if (line.every((byte) => byte < 0x80)) return 'ascii';
  let text: string;
  try {
    text = strictUtf8.decode(line);
  } catch {
    return 'other';
  }
  return BY_ACCIDENT.test(text) ? 'other' : 'utf8';
}

/** The lines of the bytes (split at LF) with their kinds and line numbers (1-based). */
function lineKinds(bytes: Uint8Array): { utf8: number[]; other: number[] } {
  const utf8: number[] = [];
  const other: number[] = [];
  let line = 1;
  for (let start = 0; start < bytes.length; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    const kind = lineKind(bytes.subarray(start, stop));
    if (kind === 'utf8') utf8.push(line);
    else if (kind === 'other') other.push(line);
    start = stop + 1;
  }
  return { utf8, other };
}

/**
 * Decodes bytes: UTF-8 (with or without BOM) or Windows-1250, the encoding Czech Excel writes CSV
 * in (Node ships full ICU, so TextDecoder knows it), decided line by line (`lineKinds`). A file
 * whose lines are of both kinds (a block pasted from another file) is `mixed`: read either way,
 * the other part's Czech letters would be garbled ("PĹ™Ă­bram"), so the caller refuses it, naming
 * the first line of the fewer kind. With a BOM the file says it is UTF-8: any other line is mixed.
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
  // The usual case at once: UTF-8 throughout, nothing in it that Windows-1250 could have made.
  let whole: string | null = null;
  try {
    whole = strictUtf8.decode(body);
  } catch {
    whole = null;
  }
  if (whole !== null && !BY_ACCIDENT.test(whole)) return { text: whole, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  const { utf8, other } = lineKinds(body);
  if (hasBom) {
    // Said to be UTF-8: only lines that are not UTF-8 at all are another encoding.
    const invalid = other.find((line) => !validUtf8(lineBytes(body, line)));
    if (invalid !== undefined) return { mixed: { line: invalid, expected: 'utf-8' } };
    return { text: strictUtf8.decode(body), encoding: 'utf-8-bom' };
  }
  if (utf8.length > 0 && other.length > 0) {
    const [first] = utf8.length >= other.length ? other : utf8;
    return { mixed: { line: first ?? 1, expected: utf8.length >= other.length ? 'utf-8' : 'windows-1250' } };
  }
  if (other.length === 0) return { text: strictUtf8.decode(body), encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1250').decode(body), encoding: 'windows-1250' };
}

const validUtf8 = (line: Uint8Array): boolean => {
  try {
    strictUtf8.decode(line);
    return true;
  } catch {
    return false;
  }
};

/** The bytes of one line (1-based, split at LF). */
function lineBytes(bytes: Uint8Array, wanted: number): Uint8Array {
  let start = 0;
  for (let line = 1; line < wanted; line += 1) start = bytes.indexOf(0x0a, start) + 1;
  const end = bytes.indexOf(0x0a, start);
  return bytes.subarray(start, end < 0 ? bytes.length : end);
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
