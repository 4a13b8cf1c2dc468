import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { createHandlers } from '../../../electron/core/handlers';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

describe('contract and dispatch', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('has a handler for every channel and a channel for every handler', () => {
    const handlers = createHandlers(app.ctx);
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      expect(typeof handlers[channel], channel).toBe('function');
      expect(contract[channel].doc.length, `${channel} has a doc`).toBeGreaterThan(10);
      expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    }
  });

  it('refuses an unknown channel with a stable code', async () => {
    const result = await app.dispatch('db:dropEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('answers wrong input with VALIDATION and changes nothing', async () => {
    const before = await ok(app.dispatch('prefs:get', {}));
    for (const input of [
      { language: 'de' },
      { language: 42 },
      { actorName: 'x'.repeat(201) },
      { unknownKey: true },
      'text',
      [1, 2],
    ]) {
      const result = await app.dispatch('prefs:set', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.details?.issues?.length).toBeGreaterThan(0);
      }
    }
    expect(await ok(app.dispatch('prefs:get', {}))).toEqual(before);

    const list = await app.dispatch('municipalities:list', { membersOnly: 'yes' });
    expect(list).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers malformed input on every channel with VALIDATION and leaves the data as it was', async () => {
    const demo = await createTestApp({ demo: true });
    try {
      const before = await ok(demo.dispatch('app:info', {}));
      for (const channel of CHANNELS) {
        for (const input of [
          'garbage',
          42,
          [1, 2, 3],
          { __proto__: { polluted: true }, unexpectedField: '<img src=x onerror=alert(1)>' },
        ]) {
          const result = await demo.dispatch(channel, input);
          expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
          if (!result.ok) expect(result.error.code, channel).toBe('VALIDATION');
        }
      }
      expect(await ok(demo.dispatch('app:info', {}))).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      await demo.cleanup();
    }
  });

  it('a host that does not accept local paths (the web bridge) refuses a path sent by the page', async () => {
    const web = await createTestApp({ acceptsLocalPaths: false });
    try {
      const result = await web.dispatch('import:openDropped', { path: '/etc/passwd.csv' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await web.cleanup();
    }
  });

  it('normalises text to NFC at the gate', async () => {
    const saved = await ok<{ actorName: string }>(
      app.dispatch('prefs:set', { actorName: 'Jiří Čermák'.normalize('NFD') }),
    );
    expect(saved.actorName).toBe('Jiří Čermák');
  });

  it('reports info of a fresh database', async () => {
    const info = await ok<{ schemaVersion: number; counts: Record<string, number> }>(app.dispatch('app:info', {}));
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.counts.municipalities).toBe(0);
  });
});
