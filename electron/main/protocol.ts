import { net, protocol } from 'electron';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy, withStyleNonce } from '../../shared/security/csp';
import { resolveStaticPath } from '../core/files';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `app://twinreg/`, never a file outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', (request) => answerAppRequest(rendererDir, request));
}

/**
 * One request to `app://`. The page itself is served with a fresh style nonce on every load, in its
 * Content-Security-Policy header and in the `<meta>` tags the build put into it
 * (shared/security/csp.ts); every other file as it is.
 */
export async function answerAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const resolved = resolveStaticPath(rendererDir, url.pathname);
  if (url.host !== 'twinreg' || !resolved.ok) {
    return new Response('Forbidden', { status: resolved.ok ? 403 : resolved.status });
  }
  // By the file, not the address: `app://twinreg//index.html` is the page too.
  if (resolved.filePath !== path.join(path.resolve(rendererDir), 'index.html')) {
    return net.fetch(pathToFileURL(resolved.filePath).toString());
  }
  let page: string;
  try {
    page = await readFile(resolved.filePath, 'utf8');
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const nonce = randomBytes(16).toString('base64url');
  const html = withStyleNonce(page, nonce);
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy({ styleNonce: nonce, delivery: 'header' }),
      'cache-control': 'no-store',
    },
  });
}
