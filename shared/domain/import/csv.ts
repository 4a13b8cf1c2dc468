/**
 * A CSV reader for files as Czech offices have them: comma, semicolon or tab; quoted fields with
 * embedded delimiters, doubled quotes and line breaks; CRLF, LF or CR line ends. Everything stays
 * text (leading zeros of codes survive); values are converted only once a column is mapped.
 */

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** One record with the physical line of the file where it starts (1-based; the header is line 1). */
export type CsvRecord = { line: number; cells: string[] };

/**
 * A field the reader can only guess at: a quote opened and never closed (the rest of the file would
 * become one cell), or text after a field's closing quote (a quote inside it that was not doubled).
 * `line` is the physical line where the field starts, `field` its place in the record (0-based).
 */
export type CsvProblem = { kind: 'unclosedQuote' | 'textAfterQuote' | 'recordInQuote'; line: number; field: number };

/**
 * The shape of a code-like cell: digits as 9, letters as a ("554782" 999999, "S-554782" a-999999,
 * "2024-01-01" 9999-99-99); null for a cell that is no code (no digit, or long text).
 */
function codeShape(cell: string): string | null {
  const text = cell.trim();
  if (text.length === 0 || text.length > 20 || !/\d/.test(text)) return null;
  return text.replace(/\d/g, '9').replace(/\p{L}/gu, 'a');
}

/**
 * Whether a quoted field that spans lines holds a line that looks like a record of its own: as
 * many fields as the header, and a first field of the shape every record's first field has (a
 * code or a date). A quote opened and closed only by a quote in a later row ('TV 24"') made the
 * rows between one note; a note whose lines hold commas or semicolons is a note.
 */
function holdsRecord(field: string, delimiter: string, width: number, shape: string | null): boolean {
  if (width < 3 || shape === null) return false;
  const lines = field.split(/\r\n|\r|\n/);
  return lines.slice(1).some((line) => {
    const cells = line.split(delimiter);
    return cells.length === width && codeShape(cells[0] ?? '') === shape;
  });
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in a piece of a quoted field (CRLF, LF or a lone CR each count once). */
function lineBreaksIn(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) breaks += 1;
  }
  return breaks;
}

/**
 * Splits the text into records. Blank lines are dropped; a record keeps its starting line number.
 * Each run of ordinary characters is taken as one slice of the text: a field is not grown a
 * character at a time (at 100,000 rows that made ~200 MB of short-lived strings).
 */
export function parseCsv(text: string, delimiter: Delimiter, limit = Number.POSITIVE_INFINITY): CsvRecord[] {
  const records: CsvRecord[] = [];
  eachCsvRecord(text, delimiter, (record) => records.push(record), limit);
  return records;
}

/**
 * The reader itself: hands each record to `take` as soon as it is complete, so that a caller can
 * keep the records in a form of its own instead of an array of them all (see `parseCsv`). Stops
 * after `limit` records; returns how many it handed over. A malformed quoted field is passed to
 * `problem` (an import refuses the file there); without it the reader reads on as best it can
 * (the delimiter's detection reads a sample that may end inside a quoted field).
 */
export function eachCsvRecord(
  text: string,
  delimiter: Delimiter,
  take: (record: CsvRecord) => void,
  limit = Number.POSITIVE_INFINITY,
  problem?: (found: CsvProblem) => void,
): number {
  let count = 0;
  const delimiterCode = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  /** A field of the record was quoted ("" is a value someone wrote, not a blank row). */
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  /** Where the quoted field being read opened. */
  let quoteLine = 1;
  /** The fields of the first record (the header): a line with as many inside a quote is a record. */
  let width = 0;
  /** The shape of the first field every record has had so far (see `codeShape`); null once they differ. */
  let firstShape: string | null | undefined;
  const length = text.length;

  const endRecord = () => {
    cells.push(field);
    // An empty line, or a data row of separators only (";;;;;", as Czech Excel writes formatted
    // empty rows: walkthrough 20 counted it as a row with three errors).
    const blank =
      (cells.length === 1 && cells[0] === '' && !fieldStarted) ||
      (count > 0 && !quoted && cells.every((cell) => cell.trim() === ''));
    if (!blank) {
      if (count === 0) {
        // The header's fields, without the empty ones Excel leaves after the last column.
        width = cells.length;
        while (width > 1 && cells[width - 1]?.trim() === '') width -= 1;
      } else {
        const shape = codeShape(cells[0] ?? '');
        firstShape = firstShape === undefined || firstShape === shape ? shape : null;
      }
      take({ line: recordLine, cells });
      count += 1;
    }
    cells = [];
    field = '';
    fieldStarted = false;
    quoted = false;
  };

  let i = 0;
  while (i < length) {
    if (inQuotes) {
      // Everything up to the next quote belongs to the field, line breaks included.
      const quote = text.indexOf('"', i);
      const end = quote === -1 ? length : quote;
      field += text.slice(i, end);
      line += lineBreaksIn(text, i, end);
      if (quote === -1) {
        problem?.({ kind: 'unclosedQuote', line: quoteLine, field: cells.length });
        break;
      }
      if (text.charCodeAt(quote + 1) === QUOTE) {
        field += '"';
        i = quote + 2;
      } else {
        inQuotes = false;
        i = quote + 1;
        // The record's own first field counts too (the quote may open in the first row).
        const ownShape = cells.length > 0 ? codeShape(cells[0] ?? '') : null;
        const shape = firstShape === undefined || firstShape === ownShape ? ownShape : null;
        if (problem !== undefined && quoteLine !== line && holdsRecord(field, delimiter, width, shape)) {
          problem({ kind: 'recordInQuote', line: quoteLine, field: cells.length });
        }
        if (problem !== undefined) {
          // Only spaces may stand between the closing quote and the field's end.
          let next = i;
          while (text.charCodeAt(next) === 0x20) next += 1;
          const code = text.charCodeAt(next);
          if (next < length && code !== delimiterCode && code !== CR && code !== LF) {
            problem({ kind: 'textAfterQuote', line: quoteLine, field: cells.length });
          }
        }
      }
      continue;
    }
    // A run of ordinary characters, up to the next delimiter, line end or quote.
    let end = i;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code === delimiterCode || code === CR || code === LF || code === QUOTE) break;
      end += 1;
    }
    if (end > i) field += text.slice(i, end);
    if (end >= length) break;
    const code = text.charCodeAt(end);
    i = end + 1;
    if (code === QUOTE) {
      if (field.trim() === '') {
        // A quote opens a quoted field only at its start (spaces before it are dropped).
        inQuotes = true;
        fieldStarted = true;
        quoted = true;
        field = '';
        quoteLine = line;
      } else {
        field += '"';
      }
    } else if (code === delimiterCode) {
      cells.push(field);
      field = '';
      fieldStarted = true;
    } else {
      if (code === CR && text.charCodeAt(i) === LF) i += 1;
      endRecord();
      line += 1;
      recordLine = line;
      if (count >= limit) return count;
    }
  }
  if (field !== '' || cells.length > 0 || fieldStarted) endRecord();
  return count;
}

/**
 * A cell as Excel's text formula `="00253014"` writes it (the app's CSV exports write digits Excel
 * would change so): its text. Any other cell stays as it is.
 */
export const excelTextCell = (cell: string): string => {
  const match = /^="([^"]*)"$/.exec(cell);
  return match ? (match[1] ?? '') : cell;
};

/**
 * Picks the delimiter that splits the first records into the most columns, consistently: the
 * header must have at least two fields and most of the following records the same number.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  // On a tie the rarer character in ordinary text wins: tab, then semicolon, then comma.
  for (const delimiter of ['\t', ';', ','] as const) {
    const records = parseCsv(sample, delimiter, 20);
    const header = records[0];
    if (!header || header.cells.length < 2) continue;
    const width = header.cells.length;
    const rest = records.slice(1, -1); // the last sampled record may be cut off by the sample
    const consistent = rest.length === 0 ? 1 : rest.filter((r) => r.cells.length === width).length / rest.length;
    const score = consistent * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** True when decoded text looks like a binary file (NUL or many control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) control += 1;
    if (code === 0xfffd) control += 1;
  }
  return control / sample.length > 0.01;
}
