import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sanitizeFileName } from '../../files';

/**
 * Files uploaded through the browser bridge (web preview, e2e tests): saved under a random folder
 * of the system temp directory; the client only ever gets the handle `upload:<hex>`, never a path.
 */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const uploadsRoot = (): string => path.join(os.tmpdir(), 'twinreg-uploads');

const HANDLE = /^upload:([0-9a-f]{32})$/;

/** Uploads older than a day are removed when the next one arrives (a preview never lasts that long). */
async function pruneUploads(now: number): Promise<void> {
  const names = await readdir(uploadsRoot()).catch(() => [] as string[]);
  for (const name of names) {
    if (!/^[0-9a-f]{32}$/.test(name)) continue;
    const folder = path.join(uploadsRoot(), name);
    const info = await stat(folder).catch(() => null);
    if (info && now - info.mtimeMs > 24 * 3600 * 1000) await rm(folder, { recursive: true, force: true });
  }
}

export async function saveUpload(originalName: string, bytes: Uint8Array): Promise<string> {
  await pruneUploads(Date.now());
  const id = randomBytes(16).toString('hex');
  const folder = path.join(uploadsRoot(), id);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, sanitizeFileName(originalName || 'upload.csv')), bytes);
  return `upload:${id}`;
}

/** The saved file of an upload handle; null for anything that is not a live handle. */
export async function resolveUpload(handle: string): Promise<{ path: string; name: string } | null> {
  const m = HANDLE.exec(handle);
  if (!m?.[1]) return null;
  const folder = path.join(uploadsRoot(), m[1]);
  try {
    const [name] = await readdir(folder);
    return name === undefined ? null : { path: path.join(folder, name), name };
  } catch {
    return null;
  }
}
