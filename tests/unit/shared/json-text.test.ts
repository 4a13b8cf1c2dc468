import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/dispatch';
import type { Handlers } from '../../../shared/ipc/contract';
import { fromBridgeAnswer, JsonText, resultText, toBridgeAnswer } from '../../../shared/ipc/json-text';
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
});
