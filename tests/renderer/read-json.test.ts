import { describe, expect, it } from 'vitest';
import { bytesInParts, parseJsonParts, readJson } from '../../renderer/lib/read-json';

/** A response whose body arrives in the given parts (bytes), as a big answer arrives over HTTP. */
const responseOf = (parts: Uint8Array[]): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    }),
  );

/** The UTF-8 bytes of a text cut into parts of `size` bytes (characters split between parts). */
function cut(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) parts.push(bytes.slice(start, start + size));
  return parts;
}

describe('a big answer is read part by part (issue 16: no long task while it arrives)', () => {
  const answer = {
    ok: true,
    value: {
      fields: ['id', 'municipalityName', 'townName'],
      rows: Array.from({ length: 2_000 }, (_, i) => [i, `Žďár nad Sázavou ${String(i)}`, 'Świnoujście — Ełk']),
    },
  };
  const text = JSON.stringify(answer);

  it('gives the same value as the whole text, with characters split between parts', async () => {
    // 7-byte parts split every two- and three-byte character somewhere.
    const parts = cut(text, 7);
    expect(parts.length).toBeGreaterThan(10_000);
    expect(await readJson(responseOf(parts), { yieldNow: () => Promise.resolve() })).toEqual(answer);
  });

  it('gives the browser a turn whenever decoding took a slice of time, never between every part', async () => {
    const parts = cut(text, 1_000);
    let clock = 0;
    let turns = 0;
    const value = await readJson(responseOf(parts), {
      sliceMs: 25,
      // Each reading of the clock is 10 ms later: a slice of 25 ms is over at every third part.
      now: () => (clock += 10),
      yieldNow: () => {
        turns += 1;
        return Promise.resolve();
      },
    });
    expect(value).toEqual(answer);
    expect(turns).toBe(Math.floor(parts.length / 3));
  });

  it('decodes one byte array (an answer through Electron’s IPC) in parts, characters split between them', async () => {
    const bytes = new TextEncoder().encode(text);
    const parts = [...bytesInParts(bytes, 5)];
    expect(parts.length).toBe(Math.ceil(bytes.length / 5));
    expect(parts.every((part) => part.buffer === bytes.buffer)).toBe(true); // views, not copies
    expect(await parseJsonParts(parts, { yieldNow: () => Promise.resolve() })).toEqual(answer);
  });

  it('parses the rows as they arrive, a batch at a time: never the whole text in one parse', async () => {
    const big = {
      ok: true,
      value: { fields: ['id', 'name'], rows: Array.from({ length: 60_000 }, (_, i) => [i, `Obec ${String(i)}`]) },
    };
    const bigText = JSON.stringify(big);
    const lengths: number[] = [];
    const parse = JSON.parse;
    JSON.parse = ((t: string) => {
      lengths.push(t.length);
      return parse(t) as unknown;
    }) as typeof JSON.parse;
    try {
      expect(await readJson(responseOf(cut(bigText, 65_536)), { yieldNow: () => Promise.resolve() })).toEqual(big);
    } finally {
      JSON.parse = parse;
    }
    expect(lengths.length).toBeGreaterThan(3);
    expect(Math.max(...lengths)).toBeLessThan(bigText.length / 3);
  });

  it('throws on a body that is not JSON, as response.json() does', async () => {
    await expect(readJson(responseOf(cut('{"ok":true,"value":[1,2', 4)))).rejects.toThrow(SyntaxError);
  });
});
