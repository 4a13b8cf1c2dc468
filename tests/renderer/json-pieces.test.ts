import { describe, expect, it } from 'vitest';
import { BATCH_CHARS, JsonPieces } from '../../renderer/lib/json-pieces';

/** A small deterministic random generator (the same cases every run). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TEXTS = [
  '',
  'Žďár nad Sázavou',
  'a "quoted" \\\\ back\\\\slash',
  'line\nbreak\ttab',
  '}]{[,:',
  '\u2028\u0000😀',
  '__proto__',
];

/** Any JSON value: nested objects and arrays, escapes, numbers of every form. */
function value(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 5 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -1, 1.5e-7, 123456789, -0.25, 1e21][Math.floor(next() * 6)];
    case 3:
    case 4:
      return TEXTS[Math.floor(next() * TEXTS.length)];
    case 5:
    case 6: {
      const out: Record<string, unknown> = {};
      const n = Math.floor(next() * 5);
      for (let i = 0; i < n; i++) out[TEXTS[Math.floor(next() * TEXTS.length)] ?? 'k'] = value(next, depth + 1);
      return out;
    }
    default:
      return Array.from({ length: Math.floor(next() * 6) }, () => value(next, depth + 1));
  }
}

/** Parses a text cut at random places. */
function parseInPieces(text: string, next: () => number, maxPiece: number): unknown {
  const json = new JsonPieces();
  for (let start = 0; start < text.length;) {
    const size = 1 + Math.floor(next() * maxPiece);
    json.push(text.slice(start, start + size));
    start += size;
  }
  return json.end();
}

describe('JSON parsed as it arrives, array elements in batches (issue 16: no long parse)', () => {
  it('gives what JSON.parse gives for any value, whitespace and any cut included', () => {
    const next = random(20251121);
    for (let round = 0; round < 2_000; round++) {
      const original = value(next, 0);
      const text = JSON.stringify(original, null, round % 3 === 0 ? 2 : undefined);
      const parsed = parseInPieces(text, next, round % 2 === 0 ? 3 : 40);
      expect(parsed).toStrictEqual(JSON.parse(text));
    }
  });

  it('parses a big answer’s rows in batches of about BATCH_CHARS as the text comes, with the same result', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [i, `Obec ${String(i)} "U \\ lip"`, null, { a: [i] }]);
    const answer = { ok: true, value: { fields: ['id', 'name', 'x', 'y'], rows, total: rows.length } };
    const text = JSON.stringify(answer);
    expect(text.length).toBeGreaterThan(4 * BATCH_CHARS);
    const parses: number[] = [];
    const original = JSON.parse;
    JSON.parse = ((t: string) => {
      parses.push(t.length);
      return original(t) as unknown;
    }) as typeof JSON.parse;
    let value: unknown;
    try {
      value = parseInPieces(text, random(7), 65_536);
    } finally {
      JSON.parse = original;
    }
    expect(value).toStrictEqual(answer);
    // No parse took more than a batch and one row (a row is ~50 characters here).
    expect(Math.max(...parses)).toBeLessThan(BATCH_CHARS + 200);
    expect(parses.filter((n) => n > BATCH_CHARS / 2).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps a key named __proto__ as an own property, as JSON.parse does', () => {
    const text = '{"__proto__":{"polluted":true},"a":[{"__proto__":1}]}';
    const parsed = parseInPieces(text, random(1), 4) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed).toStrictEqual(JSON.parse(text));
  });

  it('refuses what JSON.parse refuses', () => {
    const bad = [
      '',
      '   ',
      '{',
      '{"a":1',
      '{"a" 1}',
      '{"a":1,}',
      '{,"a":1}',
      '{"a":1}}',
      '{"a":1} x',
      '[1,]',
      '[,1]',
      '[1 2]',
      '[1,2',
      '{"a":[1,2}',
      '{"a":[1],]}',
      '"open',
      'tru',
      '{"a":tru}',
      '{a:1}',
      '[1]]',
      '{"rows":[' + Array.from({ length: 20_000 }, () => '[1,"x"]').join(',') + ',]}',
    ];
    for (const text of bad) {
      expect((): unknown => JSON.parse(text), text).toThrow(SyntaxError);
      for (const piece of [1, 5, 1_000_000])
        expect(
          () => parseInPieces(text, random(piece), piece),
          `${text.slice(0, 40)} in pieces of ${String(piece)}`,
        ).toThrow(SyntaxError);
    }
  });
});
