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
  it('makes each language a module with exactly that language of every catalog', async () => {
    const cs = await table('cs');
    const en = await table('en');
    expect(cs).toEqual(MESSAGES.cs);
    expect(en).toEqual(MESSAGES.en);
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
  });
});
