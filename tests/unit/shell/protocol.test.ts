import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  CSP_NONCE_META_PROPERTY,
  CSP_NONCE_PLACEHOLDER,
  isCspNonce,
  META_CONTENT_SECURITY_POLICY,
} from '../../../shared/security/csp';
import { tempDir } from '../../support/temp-db';

/* `electron` cannot run here: net.fetch (used for every file but the page) is recorded instead. */
const fetched = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({
  net: {
    fetch: (url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response('asset'));
    },
  },
  protocol: { handle: () => undefined, registerSchemesAsPrivileged: () => undefined },
}));

const { answerAppRequest } = await import('../../../electron/main/protocol');

const dir = tempDir('twinreg-protocol-');
const rendererDir = path.join(dir, 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(
  path.join(rendererDir, 'index.html'),
  `<html><head><meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">` +
    `<meta property="${CSP_NONCE_META_PROPERTY}" nonce="${CSP_NONCE_PLACEHOLDER}"></head><body></body></html>`,
);
writeFileSync(path.join(rendererDir, 'assets', 'index.js'), '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (url: string) => answerAppRequest(rendererDir, new Request(url));

describe('app:// serves the page with a fresh style nonce on every load', () => {
  it('puts the same new nonce into the header and the page', async () => {
    const nonces: string[] = [];
    for (const url of ['app://twinreg/index.html', 'app://twinreg/index.html', 'app://twinreg//index.html']) {
      const response = await ask(url);
      expect(response.status).toBe(200);
      const header = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(header)?.[1] ?? '';
      expect(isCspNonce(nonce), url).toBe(true);
      expect(header).toBe(contentSecurityPolicy({ styleNonce: nonce, delivery: 'header' }));
      expect(header).not.toContain('unsafe-inline');
      const html = await response.text();
      expect(html).toContain(`content="${contentSecurityPolicy({ styleNonce: nonce, delivery: 'meta' })}"`);
      expect(html).toContain(`nonce="${nonce}"`);
      expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(fetched).toEqual([]);
  });

  it('serves other files as they are, and nothing outside the renderer or another host', async () => {
    expect(await (await ask('app://twinreg/assets/index.js')).text()).toBe('asset');
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/^file:.*\/assets\/index\.js$/);
    expect((await ask('app://twinreg/%2F..%2Fsecret.txt')).status).toBe(403);
    expect((await ask('app://other/index.html')).status).toBe(403);
    expect((await ask('app://twinreg/%E0%A4%A.js')).status).toBe(400);
  });
});
