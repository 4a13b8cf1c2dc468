import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HtmlTagDescriptor, IndexHtmlTransformHook, Plugin } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/cli/web-server';
import type { Dispatch } from '../../../electron/core/dispatch';
import viteConfig, { contentSecurityPolicyPlugin } from '../../../renderer/vite.config';
import {
  contentSecurityPolicy,
  CSP_NONCE_META_PROPERTY,
  CSP_NONCE_PLACEHOLDER,
  isCspNonce,
  META_CONTENT_SECURITY_POLICY,
  withStyleNonce,
} from '../../../shared/security/csp';
import { tempDir } from '../../support/temp-db';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const NONCE = 'q0p8cH3Rj1mXy2v9b4N7aA';

/** The directives of a policy by name. */
const directives = (policy: string): Map<string, string> =>
  new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );

/** The tags the build adds to index.html, as Vite's build would ask the plugin for them. */
function buildTags(): HtmlTagDescriptor[] {
  const hook = contentSecurityPolicyPlugin().transformIndexHtml as IndexHtmlTransformHook;
  // The hook uses no plugin context.
  const context = {} as ThisParameterType<IndexHtmlTransformHook>;
  const result = hook.call(context, '<html><head></head><body></body></html>', {
    path: '/index.html',
    filename: 'index.html',
  });
  if (!Array.isArray(result)) throw new Error('the plugin returns its tags');
  return result;
}

describe('the Content-Security-Policy (shared/security/csp.ts)', () => {
  it('allows no inline styles: <style> elements need the nonce of the page load', () => {
    const policy = directives(contentSecurityPolicy({ styleNonce: NONCE, delivery: 'header' }));
    expect(policy.get('style-src')).toBe(`'self' 'nonce-${NONCE}'`);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    for (const delivery of ['header', 'meta'] as const) {
      for (const styleNonce of [NONCE, undefined, CSP_NONCE_PLACEHOLDER]) {
        const text = contentSecurityPolicy({ styleNonce, delivery });
        expect(text).not.toContain('unsafe-inline');
        expect(text).not.toContain('unsafe-eval');
      }
    }
  });

  it('without a nonce allows no <style> element at all; a <meta> policy leaves out frame-ancestors', () => {
    expect(directives(contentSecurityPolicy({ delivery: 'header' })).get('style-src')).toBe("'self'");
    const meta = directives(contentSecurityPolicy({ styleNonce: NONCE, delivery: 'meta' }));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('style-src')).toBe(`'self' 'nonce-${NONCE}'`);
  });

  it('refuses a nonce that is short or could break out of the header', () => {
    for (const bad of [
      '',
      'abc',
      `${NONCE}'; script-src *`,
      `${NONCE}\r\nSet-Cookie: x=1`,
      `${NONCE} 'unsafe-inline'`,
    ]) {
      expect(isCspNonce(bad), bad).toBe(false);
      expect(() => contentSecurityPolicy({ styleNonce: bad, delivery: 'header' }), bad).toThrow();
      expect(() => withStyleNonce('<html></html>', bad), bad).toThrow();
    }
  });

  it('puts the nonce of one page load everywhere the built page holds the placeholder', () => {
    const built = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}"><meta property="${CSP_NONCE_META_PROPERTY}" nonce="${CSP_NONCE_PLACEHOLDER}">`;
    const served = withStyleNonce(built, NONCE);
    expect(served).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(served).toContain(`'nonce-${NONCE}'`);
    expect(served).toContain(`nonce="${NONCE}"`);
  });

  it('the placeholder itself is no valid nonce (an unreplaced page allows no <style> element)', () => {
    expect(isCspNonce(CSP_NONCE_PLACEHOLDER)).toBe(false);
  });
});

describe('the built index.html takes the same policy', () => {
  it('the Vite build puts the policy and the nonce placeholder first in <head>', () => {
    const plugins = (viteConfig.plugins ?? []).flat() as Plugin[];
    expect(plugins.map((plugin) => plugin.name)).toContain('twinreg-content-security-policy');
    expect(contentSecurityPolicyPlugin().apply).toBe('build');
    expect(buildTags()).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
      { tag: 'meta', attrs: { property: CSP_NONCE_META_PROPERTY, nonce: CSP_NONCE_PLACEHOLDER }, injectTo: 'head' },
    ]);
  });

  it('the source index.html keeps no hand-made copy of a policy', () => {
    const source = readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8');
    expect(source).not.toMatch(/http-equiv/i);
    expect(source).not.toContain('style-src');
  });
});

describe('the browser bridge serves the page with a fresh nonce on every load', () => {
  const servers: WebServer[] = [];
  const dir = tempDir('twinreg-csp-');
  afterAll(async () => {
    for (const server of servers) await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('header and page carry the same new nonce; nothing is left of the placeholder', async () => {
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    const head = buildTags()
      .map(
        ({ attrs }) =>
          `<meta ${Object.entries(attrs ?? {})
            .map(([name, value]) => `${name}="${String(value)}"`)
            .join(' ')}>`,
      )
      .join('');
    writeFileSync(path.join(staticDir, 'index.html'), `<html><head>${head}</head><body></body></html>`);
    const dispatch: Dispatch = () => Promise.resolve({ ok: true, value: null });
    const server = await startWebServer({ dispatch, staticDir });
    servers.push(server);

    const load = async () => {
      const response = await fetch(server.url);
      expect(response.status).toBe(200);
      const header = response.headers.get('content-security-policy') ?? '';
      const html = await response.text();
      const nonce = /'nonce-([^']+)'/.exec(header)?.[1] ?? '';
      return { header, html, nonce };
    };
    const first = await load();
    const second = await load();
    for (const { header, html, nonce } of [first, second]) {
      expect(isCspNonce(nonce)).toBe(true);
      expect(header).toBe(contentSecurityPolicy({ styleNonce: nonce, delivery: 'header' }));
      expect(html).toContain(`content="${contentSecurityPolicy({ styleNonce: nonce, delivery: 'meta' })}"`);
      expect(html).toContain(`property="${CSP_NONCE_META_PROPERTY}" nonce="${nonce}"`);
      expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
    }
    expect(second.nonce).not.toBe(first.nonce);
  });
});
