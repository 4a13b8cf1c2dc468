import { describe, expect, it } from 'vitest';
import {
  eachCsvRecord,
  parseCsv,
  type CsvProblem,
  type CsvRecord,
  type Delimiter,
} from '../../../shared/domain/import/csv';

/**
 * The reader before it took runs of characters as slices (issue 16: it grew each field a character
 * at a time, ~200 MB of garbage for 100,000 rows). Kept here as the reference the faster reader must
 * agree with on every input: quotes, doubled quotes, line breaks inside quotes, CR/LF/CRLF, blank
 * lines, spaces before a quote, text after a closing quote.
 */
function referenceParseCsv(text: string, delimiter: Delimiter, limit = Number.POSITIVE_INFINITY): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const length = text.length;

  const endRecord = () => {
    cells.push(field);
    // An empty line, or a data row of unquoted separators only (";;;;;" from Czech Excel).
    const blank =
      (cells.length === 1 && cells[0] === '' && !fieldStarted) ||
      (records.length > 0 && !quoted && cells.every((cell) => cell.trim() === ''));
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
    fieldStarted = false;
    quoted = false;
  };

  for (let i = 0; i < length; i += 1) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      inQuotes = true;
      fieldStarted = true;
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
      if (records.length >= limit) return records;
    } else {
      field += ch;
    }
  }
  if (field !== '' || cells.length > 0 || fieldStarted) endRecord();
  return records;
}

/** A small deterministic generator (the inputs are the same at every run). */
function randomText(seed: number, length: number): string {
  const alphabet = ['a', 'b', 'č', 'Ř', ' ', ' ', '"', '"', ';', ';', ',', '\t', '\r', '\n', '\r\n', '0', '7'];
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += alphabet[state % alphabet.length] ?? '';
  }
  return text;
}

describe('CSV reader', () => {
  it('reads every input exactly as the character-by-character reader did', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      const text = randomText(seed, 1 + (seed % 60));
      for (const delimiter of [';', ',', '\t'] as const) {
        expect(parseCsv(text, delimiter), JSON.stringify({ text, delimiter })).toEqual(
          referenceParseCsv(text, delimiter),
        );
      }
      expect(parseCsv(text, ';', 2)).toEqual(referenceParseCsv(text, ';', 2));
    }
  });

  it('skips a data row of separators only, as Excel writes formatted empty rows; a quoted empty value is a row', () => {
    const text = 'kód;název;stát\r\n1;Lhota;DE\r\n;;\r\n ; ;\r\n"";;\r\n2;Ves;AT\r\n;;;;;\r\n';
    expect(parseCsv(text, ';').map((record) => record.line)).toEqual([1, 2, 5, 6]);
  });

  it('keeps quoted delimiters, doubled quotes, line breaks in quotes and the line numbers', () => {
    const text = 'kód;název\r\n"0001";"Lhota; u ""Brna"""\r\n\r\n  "2";"dvě\nřádky"\n3;konec"x"';
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, cells: ['kód', 'název'] },
      { line: 2, cells: ['0001', 'Lhota; u "Brna"'] },
      { line: 4, cells: ['2', 'dvě\nřádky'] },
      { line: 6, cells: ['3', 'konec"x"'] },
    ]);
  });

  it('reports a quote never closed and text after a closing quote, where the field starts', () => {
    const problems = (text: string): CsvProblem[] => {
      const found: CsvProblem[] = [];
      eachCsvRecord(
        text,
        ';',
        () => undefined,
        Number.POSITIVE_INFINITY,
        (problem) => found.push(problem),
      );
      return found;
    };
    // Read on, the rest of the file would be the note of line 3.
    expect(problems('kód;pozn\n1;ok\n2;"Výměna mládeže\n3;ok\n4;ok\n')).toEqual([
      { kind: 'unclosedQuote', line: 3, field: 1 },
    ]);
    // A quote inside a quoted field that was not doubled.
    expect(problems('kód;pozn\n1;"dvě\nřádky"\n2;"Výměna "mládeže" každý rok";x\n')).toEqual([
      { kind: 'textAfterQuote', line: 4, field: 1 },
    ]);
    // Closed only by a quote in a later row ('TV 24"'): the rows between would be one note.
    expect(problems('kód;název;pozn\r\n1;A;"Výměna mládeže\r\n2;B;ok\r\n3;C;TV 24"\r\n4;D;ok\r\n')).toEqual([
      { kind: 'recordInQuote', line: 2, field: 2 },
    ]);
    // Lines of a note with commas or semicolons are not records: their first field is no code.
    const commas = (text: string) => {
      const found: CsvProblem[] = [];
      eachCsvRecord(
        text,
        ',',
        () => undefined,
        Number.POSITIVE_INFINITY,
        (problem) => found.push(problem),
      );
      return found;
    };
    expect(commas('code,town,note\n554782,Linz,"We met\nmet mayors, councillors, pupils"\n')).toEqual([]);
    expect(
      problems(
        'kód;obec;město;stát;rok;pozn\n554782;Tábor;Linz;AT;1990;"Program:\npá 10:00; so 9:00; ne 11:00; odjezd; oběd"\n',
      ),
    ).toEqual([]);
    // Excel's empty cells after the header's last column do not hide a record in a quote.
    expect(problems('kód;název;pozn;;;\n1;A;"Výměna\n2;B;ok\n3;C;TV 24"\n')).toEqual([
      { kind: 'recordInQuote', line: 2, field: 2 },
    ]);
    // A note over several lines, none of them like a record, is a note.
    expect(problems('kód;název;pozn\r\n1;A;"První řádek;\r\ndruhý řádek"\r\n2;B;ok\r\n')).toEqual([]);
    // Well-formed quoting, spaces after a closing quote and a quote inside an unquoted field are fine.
    expect(problems('kód;pozn\r\n"1";"a ""b"" c" ;x\r\n2;konec"x"\r\n"3";""\r\n')).toEqual([]);
  });
});
