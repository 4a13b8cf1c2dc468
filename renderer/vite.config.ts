import react from '@vitejs/plugin-react';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CSP_NONCE_META_PROPERTY, CSP_NONCE_PLACEHOLDER, META_CONTENT_SECURITY_POLICY } from '../shared/security/csp';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Puts the app's one Content-Security-Policy (shared/security/csp.ts) and the nonce placeholder at
 * the top of the built index.html; the Electron protocol handler and the web bridge replace the
 * placeholder with a fresh nonce on every page load. Build only: the dev server injects CSS as
 * <style> elements without a nonce.
 */
export const contentSecurityPolicyPlugin = (): Plugin => ({
  name: 'twinreg-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    // First in <head>: a <meta> policy governs only what comes after it.
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
    { tag: 'meta', attrs: { property: CSP_NONCE_META_PROPERTY, nonce: CSP_NONCE_PLACEHOLDER }, injectTo: 'head' },
  ],
});

const SHARED_TABLES = path.resolve(here, '..', 'shared', 'i18n', 'tables.ts');
const RENDERER_TABLES = path.resolve(here, 'lib', 'message-tables.ts');
const MESSAGES_PREFIX = 'virtual:twinreg-messages/';
const LANGUAGES = ['cs', 'en'];

/**
 * Messages of a screen that is loaded when opened, kept out of the language's first chunk: a
 * part's module holds the keys with its prefix (`help.`: the Help screen's texts, `map.`: the Map
 * screen's, `agreements.`: the Agreements screen's, `requests.`: the Requests screen's; ~33 kB of the Czech chunk before the first rows). `renderer/lib/message-tables.ts` loads a part with its screen.
 */
export const MESSAGE_PARTS = ['help', 'map', 'agreements', 'requests'] as const;

/**
 * One chunk of messages per language. `shared/i18n/tables.ts` holds both languages of every
 * catalog (the CLI and the documents need them); in the renderer it is replaced by
 * `renderer/lib/message-tables.ts`, which loads `virtual:twinreg-messages/<language>` when that
 * language is shown. Each such module is the language's merged table, taken from the catalogs
 * when the renderer is built (or served), so the window's first start parses one language, not two.
 */
export const messagesPerLanguagePlugin = (): Plugin => ({
  name: 'twinreg-messages-per-language',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source.startsWith(MESSAGES_PREFIX)) {
      const [language, part, ...more] = source.slice(MESSAGES_PREFIX.length).split('/');
      const known = (MESSAGE_PARTS as readonly string[]).includes(part ?? '');
      if (LANGUAGES.includes(language ?? '') && (part === undefined || known) && more.length === 0) {
        return `\0${source}`;
      }
    }
    if (importer && source.startsWith('.') && !importer.startsWith('\0')) {
      const target = path.resolve(path.dirname(importer), source);
      if (target === SHARED_TABLES || `${target}.ts` === SHARED_TABLES) return RENDERER_TABLES;
    }
    return null;
  },
  async load(id) {
    if (!id.startsWith(`\0${MESSAGES_PREFIX}`)) return null;
    const [language = '', part] = id.slice(MESSAGES_PREFIX.length + 1).split('/');
    const messagesDir = path.join(path.dirname(SHARED_TABLES), 'messages');
    for (const file of readdirSync(messagesDir)) this.addWatchFile(path.join(messagesDir, file));
    // The catalogs are TypeScript: tsx imports them afresh (its own module namespace each time).
    const { tsImport } = await import('tsx/esm/api');
    const tables = (await tsImport(pathToFileURL(SHARED_TABLES).href, import.meta.url)) as {
      MESSAGES: Record<string, Record<string, string>>;
    };
    const all = tables.MESSAGES[language];
    if (!all) throw new Error(`No messages for ${language}`);
    // The language's first chunk: every key but the parts'; a part: its keys only.
    const partOf = (key: string) => MESSAGE_PARTS.find((name) => key.startsWith(`${name}.`));
    const table = Object.fromEntries(Object.entries(all).filter(([key]) => partOf(key) === part));
    // JSON.parse of a string literal is parsed faster than the same object as a literal.
    return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});`;
  },
});

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), contentSecurityPolicyPlugin(), messagesPerLanguagePlugin()],
  build: {
    outDir: process.env.TWINREG_RENDERER_OUT ?? path.resolve(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
  },
});
