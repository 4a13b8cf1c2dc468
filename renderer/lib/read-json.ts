import { yieldToBrowser } from './yield-to-browser';

/**
 * How long the page may decode an answer before it gives the browser a turn (ms). A body's parts
 * that have already arrived are otherwise all read in one task (each `read()` resolves in a
 * microtask): at Europe's scale the Partnerships answer (16 million characters) and the Map's
 * (13 million) took 300–450 ms of decoding in one task, and `response.json()` 680–780 ms.
 */
export const DECODE_SLICE_MS = 25;

/**
 * The JSON of a response body, read part by part: each part is decoded as it comes (UTF-8, a
 * character split between two parts included) and the browser gets a turn whenever decoding took
 * `DECODE_SLICE_MS`, so the window answers while a big answer arrives. The text is parsed once
 * it is complete; invalid JSON throws, as `response.json()` does.
 */
export async function readJson(
  response: Response,
  options: { sliceMs?: number; now?: () => number; yieldNow?: () => Promise<void> } = {},
): Promise<unknown> {
  const { sliceMs = DECODE_SLICE_MS, now = () => performance.now(), yieldNow = yieldToBrowser } = options;
  if (!response.body) return JSON.parse(await response.text()) as unknown;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let sliceStart = now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    if (now() - sliceStart >= sliceMs) {
      await yieldNow();
      sliceStart = now();
    }
  }
  parts.push(decoder.decode());
  return JSON.parse(parts.join('')) as unknown;
}
