import { JsonPieces } from './json-pieces';
import { yieldToBrowser } from './yield-to-browser';

/**
 * How long the page may decode an answer before it gives the browser a turn (ms). A body's parts
 * that have already arrived are otherwise all read in one task (each `read()` resolves in a
 * microtask): at Europe's scale the Partnerships answer (16 million characters) and the Map's
 * (13 million) took 300–450 ms of decoding in one task, and `response.json()` 680–780 ms.
 */
export const DECODE_SLICE_MS = 25;

/** Bytes decoded at a time when an answer arrives whole (Electron's IPC gives one byte array). */
export const DECODE_PART_BYTES = 1 << 20;

export type SliceOptions = { sliceMs?: number; now?: () => number; yieldNow?: () => Promise<void> };

/**
 * The JSON of an answer's UTF-8 bytes given in parts: each part is decoded and parsed as it comes
 * (a character split between two parts included; arrays' elements in batches, see json-pieces.ts)
 * and the browser gets a turn whenever that took `DECODE_SLICE_MS`, so the window answers while a
 * big answer is read. Invalid JSON throws, as `response.json()` does.
 */
export async function parseJsonParts(
  parts: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: SliceOptions = {},
): Promise<unknown> {
  const { sliceMs = DECODE_SLICE_MS, now = () => performance.now(), yieldNow = yieldToBrowser } = options;
  const decoder = new TextDecoder();
  const json = new JsonPieces();
  let sliceStart = now();
  for await (const part of parts) {
    // The network may hand over several megabytes at once: they are read a part of at most
    // `DECODE_PART_BYTES / 4` at a time, with a turn for the browser between slices.
    for (const piece of bytesInParts(part, DECODE_PART_BYTES / 4)) {
      json.push(decoder.decode(piece, { stream: true }));
      if (now() - sliceStart >= sliceMs) {
        await yieldNow();
        sliceStart = now();
      }
    }
  }
  json.push(decoder.decode());
  return json.end();
}

/** The parts of a response body as they arrive. */
async function* bodyParts(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** One byte array in parts of `size` bytes (views, no copies). */
export function* bytesInParts(bytes: Uint8Array, size = DECODE_PART_BYTES): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** The JSON of a response body, read part by part (see `parseJsonParts`). */
export async function readJson(response: Response, options: SliceOptions = {}): Promise<unknown> {
  if (!response.body) return JSON.parse(await response.text()) as unknown;
  return parseJsonParts(bodyParts(response.body), options);
}
