import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), contentSecurityPolicyPlugin()],
  build: {
    outDir: process.env.TWINREG_RENDERER_OUT ?? path.resolve(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
  },
});
