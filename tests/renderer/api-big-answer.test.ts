import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Electron's IPC brings a big answer as one byte array: the renderer decodes it in parts and gives
 * the browser turns meanwhile, instead of one task for the whole text (issue 16 target 1).
 */
const turns = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../renderer/lib/yield-to-browser', () => ({
  yieldToBrowser: () => {
    turns.count += 1;
    return Promise.resolve();
  },
}));

describe('a big answer through Electron’s IPC', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    turns.count = 0;
  });

  it('is parsed whole and right, with turns for the browser while it is decoded', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [i, `Čeněk Řehoř ${String(i)}`, 'Świnoujście']);
    const value = { fields: ['id', 'name', 'town'], rows };
    const json = new TextEncoder().encode(JSON.stringify(value));
    expect(json.length).toBeGreaterThan(2 * (1 << 20));
    vi.stubGlobal('window', { api: { invoke: () => Promise.resolve({ ok: true, json }), on: () => () => undefined } });
    // The clock moves 30 ms at every reading: each quarter megabyte read is a slice of its own.
    let clock = 0;
    vi.stubGlobal('performance', { now: () => (clock += 30) });
    const { call } = await import('../../renderer/lib/api');
    expect(await call('partnerships:grid', {})).toEqual(value);
    expect(turns.count).toBe(Math.ceil(json.length / (1 << 18)));
  });

  it('takes a small answer in one go, as before', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ fields: ['id'], rows: [[1]] }));
    vi.stubGlobal('window', { api: { invoke: () => Promise.resolve({ ok: true, json }), on: () => () => undefined } });
    const { call } = await import('../../renderer/lib/api');
    expect(await call('partnerships:grid', {})).toEqual({ fields: ['id'], rows: [[1]] });
    expect(turns.count).toBe(0);
  });
});
