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
