import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/i18n/index';
import { messagesPerLanguagePlugin } from '../../renderer/vite.config';

/**
 * The renderer loads one language's messages at a time (issue 16, cold start): the build puts
 * renderer/lib/message-tables.ts in place of shared/i18n/tables.ts, and each language's table is
 * a module of its own made from the catalogs.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const plugin = messagesPerLanguagePlugin();

type Hook = (this: unknown, ...args: (string | undefined)[]) => unknown;
const hook = (value: unknown): Hook => {
  const handler = typeof value === 'object' && value !== null && 'handler' in value ? value.handler : value;
  if (typeof handler !== 'function') throw new Error('not a hook');
  return handler as Hook;
};
const context = { addWatchFile: () => undefined };

async function table(language: string): Promise<Record<string, string>> {
  const id = hook(plugin.resolveId).call(context, `virtual:twinreg-messages/${language}`, undefined);
  expect(typeof id).toBe('string');
  const code = await hook(plugin.load).call(context, String(id));
  if (typeof code !== 'string') throw new Error('no module');
  const match = /^export default JSON\.parse\((.*)\);$/.exec(code);
  if (!match?.[1]) throw new Error(`unexpected module: ${code.slice(0, 80)}`);
  return JSON.parse(JSON.parse(match[1]) as string) as Record<string, string>;
}

describe('messages per language in the renderer build', () => {
  it('makes each language a module with exactly that language of every catalog, the Help texts apart', async () => {
    const cs = await table('cs');
    const en = await table('en');
    const csHelp = await table('cs/help');
    const enHelp = await table('en/help');
    const csMap = await table('cs/map');
    const enMap = await table('en/map');
    const csAgreements = await table('cs/agreements');
    const enAgreements = await table('en/agreements');
    // The first chunk has no Help or Map text; each part has nothing else; together they are all.
    expect(
      Object.keys(cs).filter(
        (key) => key.startsWith('help.') || key.startsWith('map.') || key.startsWith('agreements.'),
      ),
    ).toEqual([]);
    expect(Object.keys(csAgreements).filter((key) => !key.startsWith('agreements.'))).toEqual([]);
    expect(Object.keys(csHelp).length).toBeGreaterThan(40);
    expect(Object.keys(csMap).length).toBeGreaterThan(10);
    expect(Object.keys(csHelp).filter((key) => !key.startsWith('help.'))).toEqual([]);
    expect(Object.keys(enMap).filter((key) => !key.startsWith('map.'))).toEqual([]);
    expect({ ...cs, ...csHelp, ...csMap, ...csAgreements }).toEqual(MESSAGES.cs);
    expect({ ...en, ...enHelp, ...enMap, ...enAgreements }).toEqual(MESSAGES.en);
    expect(cs['welcome.title']).toBe(MESSAGES.cs['welcome.title']);
    expect(csHelp['help.title']).toBe('Nápověda');
    expect(cs['nav.members']).toBe('Členové');
    expect(en['nav.members']).toBe('Members');
    // One language only: the Czech module holds no English text (and the other way round).
    expect(Object.values(cs)).not.toContain('Member municipalities');
    expect(Object.values(en)).not.toContain('Členské obce');
  });

  it('puts the renderer tables in place of the shared ones, and only those', () => {
    const resolve = hook(plugin.resolveId);
    const index = path.join(ROOT, 'shared', 'i18n', 'index.ts');
    expect(resolve.call(context, './tables', index)).toBe(path.join(ROOT, 'renderer', 'lib', 'message-tables.ts'));
    expect(resolve.call(context, './define', index)).toBeNull();
    expect(resolve.call(context, 'virtual:twinreg-messages/de', index)).toBeNull();
    expect(resolve.call(context, 'virtual:twinreg-messages/cs/import', index)).toBeNull();
    expect(resolve.call(context, 'virtual:twinreg-messages/cs/help/more', index)).toBeNull();
  });
});
