import type { Result } from '../domain/errors';

/**
 * An answer that core has already written as JSON text (the big grids' first load, issue 16): the
 * bridge sends the text as it is instead of handing a 60,000-row value to `JSON.stringify` or to
 * Electron's structured clone, and the text itself is what core keeps between calls (one string
 * instead of a million small values). `T` is the value the text stands for.
 *
 * Hosts that cannot send text (the command line, tests calling dispatch) get the value: dispatch
 * parses it for them unless told otherwise (`DispatchOptions.jsonText`). `toJSON` keeps any other
 * `JSON.stringify` of it correct.
 */
export class JsonText<T = unknown> {
  /** Only the type checker sees this: the value the text stands for. */
  declare readonly valueType?: T;

  constructor(readonly text: string) {}

  /** The value the text stands for (a new copy at every call). */
  parse(): T {
    return JSON.parse(this.text) as T;
  }

  toJSON(): T {
    return this.parse();
  }
}

/** A handler's answer: the value, or its JSON text. */
export type ValueOrText<T> = T | JsonText<T>;

/** The whole answer as the web bridge sends it: a text value is put in as it is, never parsed. */
export function resultText(result: Result<unknown>): string {
  if (result.ok && result.value instanceof JsonText) return `{"ok":true,"value":${result.value.text}}`;
  return JSON.stringify(result);
}

/**
 * Electron's IPC copies answers by structured clone, which knows no classes: a text value crosses
 * as `{ ok: true, json }` (one string to copy), and the renderer's `fromBridgeAnswer` parses it.
 */
export type BridgeAnswer = Result<unknown> | { ok: true; json: string };

export function toBridgeAnswer(result: Result<unknown>): BridgeAnswer {
  if (result.ok && result.value instanceof JsonText) return { ok: true, json: result.value.text };
  return result;
}

/** The renderer's side of `toBridgeAnswer`: the answer with its value parsed. */
export function fromBridgeAnswer(answer: BridgeAnswer): Result<unknown> {
  if (answer.ok && 'json' in answer && typeof answer.json === 'string') {
    return { ok: true, value: JSON.parse(answer.json) as unknown };
  }
  return answer as Result<unknown>;
}
