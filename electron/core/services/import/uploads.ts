import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, privateTemporaryFolder, sanitizeFileName } from '../../files';

/**
 * Files uploaded through the browser bridge (web preview, e2e tests): saved in a private folder
 * of this process (created with a random name, mode 0700, its owner checked), so another local
 * user can neither read an upload nor put a file in its place; the client only ever gets the
 * handle `upload:<hex>`, never a path.
 */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** How many uploads are kept at most (the oldest go first), and for how long. */
export const UPLOAD_LIMITS = { count: 20, ageMs: 24 * 3600 * 1000 } as const;

let root: Promise<string> | null = null;

/** This process's private upload folder, made on first use. */
export function uploadsRoot(): Promise<string> {
  // Uploads live as long as the process that took them.
  root ??= privateTemporaryFolder('twinreg-uploads-');
  return root;
}

const HANDLE = /^upload:([0-9a-f]{32})$/;

/** Keeps at most `UPLOAD_LIMITS.count - 1` uploads younger than a day, so the next one fits. */
async function pruneUploads(folder: string, now: number): Promise<void> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{32}$/.test(name));
  const aged = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(path.join(folder, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  aged.sort((a, b) => b.mtime - a.mtime);
  for (const [index, entry] of aged.entries()) {
    if (index >= UPLOAD_LIMITS.count - 1 || now - entry.mtime > UPLOAD_LIMITS.ageMs) {
      await rm(path.join(folder, entry.name), { recursive: true, force: true });
    }
  }
}

export async function saveUpload(originalName: string, bytes: Uint8Array): Promise<string> {
  const folder = await uploadsRoot();
  await pruneUploads(folder, Date.now());
  const id = randomBytes(16).toString('hex');
  const own = path.join(folder, id);
  await mkdir(own, { mode: PRIVATE_FOLDER_MODE });
  await writeFile(path.join(own, sanitizeFileName(originalName || 'upload.csv')), bytes, { mode: PRIVATE_FILE_MODE });
  return `upload:${id}`;
}

/** The saved file of an upload handle; null for anything that is not a live handle. */
export async function resolveUpload(handle: string): Promise<{ path: string; name: string } | null> {
  const m = HANDLE.exec(handle);
  if (!m?.[1]) return null;
  const folder = path.join(await uploadsRoot(), m[1]);
  try {
    const [name] = await readdir(folder);
    return name === undefined ? null : { path: path.join(folder, name), name };
  } catch {
    return null;
  }
}
