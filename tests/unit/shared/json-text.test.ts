import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/dispatch';
import type { Handlers } from '../../../shared/ipc/contract';
import { fromBridgeAnswer, JsonText, resultParts, resultText, toBridgeAnswer } from '../../../shared/ipc/json-text';
import { jsonArrayInOrder } from '../../../electron/core/repositories/partnerships-repository';
import { czechOrder } from '../../../shared/domain/text';
import type { CompactRows } from '../../../shared/ipc/compact-rows';

/** A grid answer with the texts that break naive JSON: quotes, backslashes, Czech, a line break. */
const ROWS: CompactRows = {
  fields: ['id', 'municipalityName', 'note', 'municipalityIsMember'],
  rows: [
    [1, 'Žďár nad Sázavou', 'řekl: "ano" \\ ne\nkonec', true],
    [2, 'Ústí nad Labem', null, false],
  ],
};

/** Handlers of the one channel under test; dispatch only ever calls the channel asked. */
const withGrid = (answer: () => Promise<unknown>) => ({ 'partnerships:grid': answer }) as unknown as Handlers;

describe('answers core wrote as JSON text (issue 16)', () => {
  it('the web bridge puts the text in as it is: the same answer as writing the value', () => {
    const text = new JsonText<CompactRows>(JSON.stringify(ROWS));
    const sent = resultText({ ok: true, value: text });
    expect(JSON.parse(sent)).toEqual({ ok: true, value: ROWS });
    expect(sent).toBe(JSON.stringify({ ok: true, value: ROWS }));
    // Any other answer is written as before; a stray JSON.stringify of the text still gives the value.
    expect(resultText({ ok: false, error: { code: 'IO', message: 'x' } })).toBe(
      '{"ok":false,"error":{"code":"IO","message":"x"}}',
    );
    expect(JSON.parse(JSON.stringify({ value: text }))).toEqual({ value: ROWS });
  });

  it('Electron’s IPC carries it as one string, and the renderer gets the value', () => {
    const answer = toBridgeAnswer({ ok: true, value: new JsonText(JSON.stringify(ROWS)) });
    // What structured clone copies: plain data, no class.
    expect(answer).toEqual({ ok: true, json: JSON.stringify(ROWS) });
    expect(fromBridgeAnswer(structuredClone(answer))).toEqual({ ok: true, value: ROWS });
    // Other answers pass both ways unchanged.
    const plain = { ok: true as const, value: { json: 'not a text answer' } };
    expect(fromBridgeAnswer(structuredClone(toBridgeAnswer(plain)))).toEqual(plain);
    const failure = { ok: false as const, error: { code: 'VALIDATION' as const, message: 'x' } };
    expect(fromBridgeAnswer(toBridgeAnswer(failure))).toEqual(failure);
  });

  it('dispatch gives the value to hosts that cannot send text, and checks the text against the schema', async () => {
    const grid = withGrid(() => Promise.resolve(new JsonText(JSON.stringify(ROWS))));
    const inProcess = await createDispatch(grid)('partnerships:grid', {});
    expect(inProcess).toEqual({ ok: true, value: ROWS });
    expect(inProcess.ok && inProcess.value instanceof JsonText).toBe(false);
    const bridge = await createDispatch(grid, { jsonText: true })('partnerships:grid', {});
    expect(bridge.ok && bridge.value instanceof JsonText).toBe(true);

    // With output validation (tests, development) a text that is not a valid answer is refused.
    const wrong = withGrid(() => Promise.resolve(new JsonText(JSON.stringify({ fields: ['id'], rows: [['x']] }))));
    const checked = await createDispatch(wrong, { jsonText: true, validateOutput: true })('partnerships:grid', {});
    expect(checked.ok).toBe(false);
    expect(checked.ok ? null : checked.error.code).toBe('INTERNAL');
  });

  it('as UTF-8 bytes (SQLite wrote them): the bridge writes them as they are, IPC copies just them', async () => {
    const text = JSON.stringify(ROWS);
    // A view on part of a larger buffer, as a driver or a pool may hand it over.
    const pool = Buffer.from(`xx${text}yy`);
    const bytes = pool.subarray(2, pool.length - 2);
    const value = new JsonText<CompactRows>(bytes);
    expect(value.parse()).toEqual(ROWS);
    const parts = resultParts({ ok: true, value });
    expect(parts).toContain(bytes); // not decoded, not copied
    expect(JSON.parse(Buffer.concat(parts.map((part) => Buffer.from(part))).toString('utf8'))).toEqual({
      ok: true,
      value: ROWS,
    });
    expect(resultText({ ok: true, value })).toBe(JSON.stringify({ ok: true, value: ROWS }));

    const answer = toBridgeAnswer({ ok: true, value });
    if (!('json' in answer) || typeof answer.json === 'string') throw new Error('bytes cross as bytes');
    // Only the answer's bytes cross, not the rest of the buffer they were a view on.
    expect(answer.json.buffer.byteLength).toBe(bytes.length);
    expect(fromBridgeAnswer(structuredClone(answer))).toEqual({ ok: true, value: ROWS });

    const inProcess = await createDispatch(withGrid(() => Promise.resolve(value)))('partnerships:grid', {});
    expect(inProcess).toEqual({ ok: true, value: ROWS });
  });

  it('puts lines of key and row into one array in the order of their keys, copying the rows as bytes', () => {
    const line = (key: string, row: unknown[]) => `${JSON.stringify(key)}\t${JSON.stringify(row)}`;
    const rows: [string, unknown[]][] = [
      ['Chrudim', [1, 'Chrudim', 'tab\there', null]],
      ['Cheb', [2, 'Cheb', 'line\nbreak', true]],
      ['Hořice', [3, 'Hořice', '"quoted" \\', false]],
      ['Čáslav', [4, 'Čáslav', 'Ž', 1.5]],
    ];
    const lines = Buffer.from(rows.map(([key, row]) => line(key, row)).join('\n'));
    const out = jsonArrayInOrder(lines, czechOrder, '{"rows":', '}');
    expect(JSON.parse(out.toString('utf8'))).toEqual({
      rows: [rows[3]?.[1], rows[2]?.[1], rows[1]?.[1], rows[0]?.[1]], // Čáslav, Hořice, Cheb, Chrudim (ch after h)
    });
    // The same lines in parts (as SQLite writes them, a part per range of ids): the same answer.
    const parts = [rows.slice(0, 1), rows.slice(1, 3), rows.slice(3)].map((part) =>
      Buffer.from(part.map(([key, row]) => line(key, row)).join('\n')),
    );
    expect(jsonArrayInOrder(parts, czechOrder, '{"rows":', '}').equals(out)).toBe(true);
    expect(jsonArrayInOrder([], czechOrder, '{"rows":', '}').toString()).toBe('{"rows":[]}');
    expect(jsonArrayInOrder(Buffer.alloc(0), czechOrder, '{"rows":', '}').toString()).toBe('{"rows":[]}');
    expect(() => jsonArrayInOrder(Buffer.from('no key here'), czechOrder, '', '')).toThrow(/no key/);
  });
});
