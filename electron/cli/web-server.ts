import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy, withStyleNonce } from '../../shared/security/csp';
import type { Result } from '../../shared/domain/errors';
import { resultParts } from '../../shared/ipc/json-text';
import { AppError } from '../../shared/domain/errors';
import { knownFailure, type Dispatch } from '../core/dispatch';
import { resolveStaticPath } from '../core/files';
import { MAX_UPLOAD_BYTES, saveUpload } from '../core/services/import/uploads';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type WebServerOptions = {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /**
   * An attachment's name, media type and checked bytes (`GET /api/attachments/<id>`): the browser
   * has no desktop to open a file on, so the page downloads it instead.
   */
  readAttachment?: (id: number) => Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }>;
};

export type WebServer = {
  url: string;
  port: number;
  token: string;
  broadcast: (event: string, payload: unknown) => void;
  close: () => Promise<void>;
};

/**
 * The browser bridge: serves the built renderer and the core's `dispatch` on 127.0.0.1 only.
 * Every API call needs the random token (given to the page in a meta tag when the page itself is
 * requested with it), and a Host header naming this server (against DNS rebinding).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const clients = new Set<http.ServerResponse>();
  let port = options.port ?? 0;

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    // Routing and the token gate see the decoded path, so `/%69ndex.html` is `/index.html`.
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Malformed address');
      return;
    }

    if (pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden origin');
        return;
      }
      // The token travels in a header; only the event stream takes it in the address, because a
      // browser's EventSource cannot set headers (it sends nothing and receives only record ids).
      const supplied = req.headers['x-twinreg-token'];
      const isEvents = pathname === '/api/events' && req.method === 'GET';
      const candidate = typeof supplied === 'string' ? supplied : isEvents ? url.searchParams.get('token') : null;
      if (!tokenMatches(candidate)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Missing or wrong token');
        return;
      }
      if (isEvents) {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (pathname === '/api/upload' && req.method === 'POST') {
        // A file for import: saved under a random server-side folder; the page gets a handle only.
        let bytes: Buffer;
        try {
          bytes = await readBytes(req, MAX_UPLOAD_BYTES);
        } catch {
          res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' }).end('File too large');
          return;
        }
        const header = req.headers['x-file-name'];
        let name = 'upload.csv';
        try {
          name = typeof header === 'string' ? decodeURIComponent(header).normalize('NFC') : name;
        } catch {
          // a malformed name falls back to the default; the content is what matters
        }
        const file = await saveUpload(name, bytes);
        sendJson(res, { ok: true, value: { file, fileName: name } });
        return;
      }
      const attachment = /^\/api\/attachments\/([1-9][0-9]{0,14})$/.exec(pathname);
      if (attachment?.[1] && req.method === 'GET' && options.readAttachment) {
        let found: { fileName: string; mediaType: string; bytes: Uint8Array };
        try {
          found = await options.readAttachment(Number(attachment[1]));
        } catch (error) {
          // Said as a Result, as every call's refusal (NOT_FOUND, damaged bytes), with a status
          // that is not 200: the page never saves an error as the file.
          const data =
            error instanceof AppError
              ? error.toData()
              : (knownFailure(error) ?? { code: 'INTERNAL' as const, message: 'The attachment could not be read.' });
          res.writeHead(data.code === 'NOT_FOUND' ? 404 : 500, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end(JSON.stringify({ ok: false, error: data }));
          return;
        }
        res.writeHead(200, {
          // Only the kinds an attachment may be (never HTML or script); a sandbox besides.
          'content-type': found.mediaType,
          'content-length': String(found.bytes.byteLength),
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
          'content-security-policy': 'sandbox',
          'cache-control': 'no-store',
        });
        res.end(found.bytes);
        return;
      }
      const match = /^\/api\/invoke\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(pathname);
      if (!match?.[1] || req.method !== 'POST') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        sendJson(res, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not JSON' } });
        return;
      }
      sendResult(res, await options.dispatch(match[1], input));
      return;
    }

    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      if (!tokenMatches(url.searchParams.get('token'))) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Twinning Registry: open the address printed by `npm run web` (it carries the access token).');
        return;
      }
      // A fresh nonce for the page's <style> elements on every load (shared/security/csp.ts).
      const nonce = randomBytes(16).toString('base64url');
      const html = withStyleNonce(await readFile(path.join(options.staticDir, 'index.html'), 'utf8'), nonce);
      const withToken = html.replace('</head>', `<meta name="twinreg-token" content="${token}"></head>`);
      res.writeHead(200, {
        'content-type': MIME['.html'],
        'content-security-policy': contentSecurityPolicy({ styleNonce: nonce, delivery: 'header' }),
        'cache-control': 'no-store',
      });
      res.end(withToken);
      return;
    }
    await sendStatic(url.pathname, res);
  }

  /** Serves a file of the built renderer; nothing outside its folder. */
  async function sendStatic(encodedPathname: string, res: http.ServerResponse): Promise<void> {
    const resolved = resolveStaticPath(options.staticDir, encodedPathname);
    if (!resolved.ok) {
      res.writeHead(resolved.status).end();
      return;
    }
    const { filePath } = resolved;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) throw new Error('not a file');
      const data = await readFile(filePath);
      res.writeHead(200, {
        'content-type': MIME[path.extname(filePath)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    broadcast: (event, payload) => {
      const data = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of clients) client.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function readBytes(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('Request body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A dispatch's answer; a value core wrote as JSON text (or its bytes) goes out as it is (json-text.ts). */
function sendResult(res: http.ServerResponse, result: Result<unknown>): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  const parts = resultParts(result);
  const last = parts.pop() ?? '';
  for (const part of parts) res.write(part);
  res.end(last);
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}
