import type { Result } from '../domain/errors';

/**
 * An answer that core has already written as JSON text (the big grids' first load, issue 16): the
 * bridge sends the text as it is instead of handing a 60,000-row value to `JSON.stringify` or to
 * Electron's structured clone, and the text itself is what core keeps between calls (one string
 * instead of a million small values). `T` is the value the text stands for.
 *
 * The text is a string, or its UTF-8 bytes where the database wrote them (SQLite): then core never
 * makes a string of it, the web bridge writes the bytes as they are, and Electron's IPC copies one
 * byte array.
 *
 * Hosts that cannot send text (the command line, tests calling dispatch) get the value: dispatch
 * parses it for them unless told otherwise (`DispatchOptions.jsonText`). `toJSON` keeps any other
 * `JSON.stringify` of it correct.
 */
export class JsonText<T = unknown> {
  /** Only the type checker sees this: the value the text stands for. */
  declare readonly valueType?: T;

  constructor(readonly json: string | Uint8Array) {}

  /** The JSON text (decoded anew from bytes at every call). */
  get text(): string {
    return jsonString(this.json);
  }

  /** The value the text stands for (a new copy at every call). */
  parse(): T {
    return JSON.parse(this.text) as T;
  }

  toJSON(): T {
    return this.parse();
  }
}

/** The runtime's UTF-8 decoder (Node and browsers; shared code is compiled without either's types). */
declare const TextDecoder: new () => { decode: (bytes: Uint8Array) => string };

const jsonString = (json: string | Uint8Array): string =>
  typeof json === 'string' ? json : new TextDecoder().decode(json);

/** A handler's answer: the value, or its JSON text. */
export type ValueOrText<T> = T | JsonText<T>;

/**
 * The whole answer as the web bridge writes it, in parts: a text value is put in as it is (its
 * bytes when core has them), never parsed or decoded.
 */
export function resultParts(result: Result<unknown>): (string | Uint8Array)[] {
  if (result.ok && result.value instanceof JsonText) return ['{"ok":true,"value":', result.value.json, '}'];
  return [JSON.stringify(result)];
}

/** The same answer as one text (e.g. a file with the bytes the web bridge sends). */
export const resultText = (result: Result<unknown>): string => resultParts(result).map(jsonString).join('');

/**
 * Electron's IPC copies answers by structured clone, which knows no classes: a text value crosses
 * as `{ ok: true, json }` (one string or one byte array to copy), and the renderer's
 * `fromBridgeAnswer` parses it.
 */
export type BridgeAnswer = Result<unknown> | { ok: true; json: string | Uint8Array };

export function toBridgeAnswer(result: Result<unknown>): BridgeAnswer {
  if (!result.ok || !(result.value instanceof JsonText)) return result;
  const { json } = result.value;
  // Structured clone copies a typed array's whole buffer: a view on part of one is copied out first.
  if (typeof json !== 'string' && (json.byteOffset !== 0 || json.byteLength !== json.buffer.byteLength)) {
    return { ok: true, json: new Uint8Array(json) };
  }
  return { ok: true, json };
}

/** The renderer's side of `toBridgeAnswer`: the answer with its value parsed. */
export function fromBridgeAnswer(answer: BridgeAnswer): Result<unknown> {
  if (answer.ok && 'json' in answer && (typeof answer.json === 'string' || answer.json instanceof Uint8Array)) {
    return { ok: true, value: JSON.parse(jsonString(answer.json)) as unknown };
  }
  return answer as Result<unknown>;
}
