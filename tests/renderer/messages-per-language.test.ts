import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/i18n/index';
import { MESSAGE_PARTS, messagesPerLanguagePlugin } from '../../renderer/vite.config';

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
  it("makes each language a module with exactly that language of every catalog, the screens' parts apart", async () => {
    for (const language of ['cs', 'en'] as const) {
      const first = await table(language);
      const parts = await Promise.all(MESSAGE_PARTS.map((part) => table(`${language}/${part}`)));
      // The first chunk has no text of a part; each part has nothing else; together they are all.
      expect(Object.keys(first).filter((key) => MESSAGE_PARTS.some((part) => key.startsWith(`${part}.`)))).toEqual([]);
      MESSAGE_PARTS.forEach((part, index) => {
        const keys = Object.keys(parts[index] ?? {});
        expect(keys.length, part).toBeGreaterThan(10);
        expect(keys.filter((key) => !key.startsWith(`${part}.`))).toEqual([]);
      });
      expect(Object.assign({}, first, ...parts)).toEqual(MESSAGES[language]);
    }
    const cs = await table('cs');
    const en = await table('en');
    expect(cs['welcome.title']).toBe(MESSAGES.cs['welcome.title']);
    expect((await table('cs/help'))['help.title']).toBe('Nápověda');
    expect((await table('en/requests'))['requests.title']).toBe(MESSAGES.en['requests.title']);
    expect(cs['nav.members']).toBe('Členové');
    expect(en['nav.members']).toBe('Members');
    // One language only: the Czech module holds no English text (and the other way round).
    expect(Object.values(cs)).not.toContain('Member municipalities');
    expect(Object.values(en)).not.toContain('Členské obce');
  });

  it("uses a part's texts only on its own screen, which loads the part (elsewhere the key would show)", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return sources(full);
        return /\.tsx?$/.test(entry.name) ? [full] : [];
      });
    const files = [...sources(path.join(ROOT, 'renderer')), ...sources(path.join(ROOT, 'shared'))].filter(
      (file) => !file.includes(`${path.sep}i18n${path.sep}messages${path.sep}`) && !file.endsWith('.d.ts'),
    );
    const misplaced: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const part of MESSAGE_PARTS) {
        const home = path.join(ROOT, 'renderer', 'features', part) + path.sep;
        if (file.startsWith(home)) continue;
        if (new RegExp(`['"\`]${part}\\.[a-zA-Z]`).test(text)) misplaced.push(`${path.relative(ROOT, file)}: ${part}.`);
      }
    }
    expect(misplaced).toEqual([]);
    // Each part is loaded with its screen.
    const routes = readFileSync(path.join(ROOT, 'renderer', 'app', 'routes.tsx'), 'utf8');
    for (const part of MESSAGE_PARTS) expect(routes).toContain(`loadMessagePart('${part}')`);
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
