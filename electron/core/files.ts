import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/domain/errors';

/**
 * File names that every file system accepts: no path separators, no characters Windows forbids,
 * no reserved device names, no trailing dots or spaces, at most 180 characters.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const base = cleaned.length === 0 ? 'file' : cleaned;
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(base) ? `_${base}` : base;
  if (reserved.length <= 180) return reserved;
  const dot = reserved.lastIndexOf('.');
  const ext = dot > 0 && reserved.length - dot <= 10 ? reserved.slice(dot) : '';
  return reserved.slice(0, 180 - ext.length) + ext;
}

/** Files the app writes (registry, backups, exports, preferences) are the user's alone. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Temporary files of `writeAtomically`: `.<name>.<pid>-<random>.twinreg-tmp` beside the target. */
const TEMPORARY = /^\..+\.(\d+)-[0-9a-f]{8}\.twinreg-tmp$/;

/** A temporary name beside `filePath` that names this process (so a later start can tell it is orphaned). */
export function temporaryPathFor(filePath: string): string {
  return path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${String(process.pid)}-${randomBytes(4).toString('hex')}.twinreg-tmp`,
  );
}

/** The error a failed file write gives the user: a full disk has its own code. */
export function fileWriteError(error: unknown, filePath: string): AppError {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('DISK_FULL', `The disk is full: ${filePath} was not written.`, { filePath });
  if (code === 'EROFS')
    return new AppError('READ_ONLY', `The folder is read-only: ${filePath} was not written.`, { filePath });
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('IO', `Cannot write ${filePath}: ${reason}`, { filePath });
}

/**
 * Writes a file so that it is either the whole new content or what it was before: `write` fills a
 * temporary file beside the target (readable by the user only), which is flushed to disk and
 * renamed over the target; on any failure (a full disk, a crash of the writer) the target is
 * untouched and the temporary file is removed. `overwrite: false` refuses an existing target
 * with CONFLICT (`reason: 'FILE_EXISTS'`).
 */
export async function writeAtomically(
  filePath: string,
  write: (temporaryPath: string) => Promise<void>,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  if (options.overwrite === false && existsSync(filePath)) {
    throw new AppError('CONFLICT', `The file already exists: ${filePath}`, { filePath, reason: 'FILE_EXISTS' });
  }
  const temporary = temporaryPathFor(filePath);
  try {
    await mkdir(path.dirname(filePath), { recursive: true });
    // Created empty with the private mode first: a streaming writer then only fills it.
    await writeFile(temporary, '', { mode: PRIVATE_FILE_MODE });
    await write(temporary);
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw fileWriteError(error, filePath);
  }
}

/** `writeAtomically` for content that is in memory. */
export const writeFileAtomically = (
  filePath: string,
  data: string | Uint8Array,
  options: { overwrite?: boolean } = {},
): Promise<void> =>
  writeAtomically(filePath, (temporary) => writeFile(temporary, data, { mode: PRIVATE_FILE_MODE }), options);

const isRunning = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
};

/**
 * Removes temporary files that a crashed process left in a folder (a half-written export or
 * backup copy can be as large as the registry). Only files whose process no longer runs are
 * removed, so another window's write in progress is left alone. Returns the names removed.
 */
export async function removeOrphanedTemporaries(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match?.[1] || isRunning(Number(match[1]))) continue;
    await rm(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * The file a request for the built renderer names: its address path decoded and resolved inside
 * `root`. A malformed escape answers 400 and a path outside the folder 403, never a thrown error.
 */
export function resolveStaticPath(
  root: string,
  encodedPathname: string,
): { ok: true; filePath: string } | { ok: false; status: 400 | 403 } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPathname);
  } catch {
    return { ok: false, status: 400 };
  }
  const base = path.resolve(root);
  const filePath = path.resolve(base, `.${decoded}`);
  if (decoded.includes('\u0000') || !filePath.startsWith(base + path.sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/**
 * A folder of this process's own in the system's temporary folder (a random name, mode 0700, its
 * owner checked), removed when the process ends: another local user can neither read what is put
 * in it nor put a file in its place. For uploads of the web bridge and attachments opened on the
 * desktop.
 */
export async function privateTemporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  const info = await lstat(folder);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid) || (info.mode & 0o077) !== 0) {
    throw new AppError('FORBIDDEN', `The private folder ${folder} is not private.`);
  }
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
