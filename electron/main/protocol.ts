import { net, protocol } from 'electron';
import { resolveStaticPath } from '../core/files';
import { pathToFileURL } from 'node:url';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `app://twinreg/`, never a file outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const resolved = resolveStaticPath(rendererDir, url.pathname);
    if (url.host !== 'twinreg' || !resolved.ok) {
      return new Response('Forbidden', { status: resolved.ok ? 403 : resolved.status });
    }
    return net.fetch(pathToFileURL(resolved.filePath).toString());
  });
}
